import type { CSSProperties } from 'react';
import type { MisalignedAccount } from '@/lib/book/types.ts';
import { formatKeyResultValue } from '@/lib/format/values.ts';
import { crmLabel } from '@/lib/settings/crm-label.ts';
import { KIND_LABELS, kindKey } from './misalignment-labels.ts';

interface MisalignedRowProps {
  account: MisalignedAccount;
  style: CSSProperties;
  position: number;
  total: number;
  selected: boolean;
  onSelect: () => void;
}

export function MisalignedRow({ account, style, position, total, selected, onSelect }: MisalignedRowProps) {
  const { record } = account;
  return (
    <li
      aria-posinset={position}
      aria-setsize={total}
      className={`lv-row${selected ? ' lv-row--selected' : ''}`}
      style={style}
      data-testid="misaligned-account"
    >
      <div className="lv-row__line">
        {record ? (
          <a className="lv-row__name" href={record.url} target="_blank" rel="noopener">
            {account.name}
            <span className="visually-hidden"> (opens in {crmLabel(record.crm)}, new tab)</span>
          </a>
        ) : (
          <span className="lv-row__name">{account.name}</span>
        )}
        <span className="lv-row__arr">
          {account.arr === null ? 'ARR unknown' : formatKeyResultValue('currency', account.arr)}
        </span>
      </div>
      <div className="lv-row__line lv-row__meta">
        <span className="lv-row__who">
          {account.tier?.name ?? 'No tier'} · {account.owner?.name ?? 'No owner'}
        </span>
      </div>
      <div className="lv-row__line">
        <span className="lv-row__kinds">
          {account.misalignments.map((m) => (
            <span key={m.kind} className={`lv-chip lv-chip--${kindKey(m)}`}>
              {KIND_LABELS[kindKey(m)]}
            </span>
          ))}
        </span>
        <button
          type="button"
          className="lv-row__why"
          aria-pressed={selected}
          onClick={onSelect}
          aria-label={`Why ${account.name} is flagged`}
        >
          Why?
        </button>
      </div>
    </li>
  );
}
