import { useState } from 'react';
import {
  ADMIN_COLLECTIONS,
  type KeyResult,
  type Objective,
  PERSPECTIVES,
  type Tier,
  type User,
} from '@/lib/schemas/index.ts';
import type { AdminClient } from '../admin-client.ts';
import { fieldErrors } from '../field-errors.ts';
import { Refusal } from '../Refusal.tsx';
import { Field } from './Field.tsx';
import { type KeyResultDraft, keyResultOf, type ObjectiveDraft, objectiveOf } from './forms.ts';

interface Lists {
  objectives: Objective[];
  users: User[];
  tiers: Tier[];
}

const people = (users: User[]) => [
  { value: '', label: 'Nobody' },
  ...users.map((u) => ({ value: u.id, label: u.name })),
];

function useSave(save: () => Promise<unknown>, onSaved: () => void) {
  const [refusal, setRefusal] = useState<unknown>(null);
  const [checked, setChecked] = useState(false);
  const run = async (valid: boolean) => {
    setChecked(true);
    if (!valid) return;
    setRefusal(null);
    try {
      await save();
      onSaved();
    } catch (error) {
      setRefusal(error);
    }
  };
  return { refusal, checked, run };
}

export function ObjectiveForm(props: {
  client: AdminClient;
  lists: Lists;
  stored: Objective | null;
  draft: ObjectiveDraft;
  onDraft(d: ObjectiveDraft): void;
  onSaved(): void;
}) {
  const { client, lists, stored, draft, onDraft, onSaved } = props;
  const item = objectiveOf(draft);
  const all = fieldErrors(ADMIN_COLLECTIONS.objectives.schema, item);
  const expected = stored?.updatedAt ? { expected: { [stored.id]: stored.updatedAt } } : {};
  const { refusal, checked, run } = useSave(() => client.put('objectives', [item], expected), onSaved);
  const errors = checked ? all : {};
  const f = (name: keyof ObjectiveDraft, label: string, extra: object = {}) => (
    <Field
      label={label}
      name={name}
      prefix="objective"
      value={draft[name]}
      errors={errors}
      onChange={(value) => onDraft({ ...draft, [name]: value })}
      {...extra}
    />
  );
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-label="Objective">
      <h3>{stored ? `Edit objective ${stored.title}` : 'New objective'}</h3>
      <div className="tier-fields">
        {!stored && f('id', 'Objective id')}
        {f('title', 'Title')}
        {f('level', 'Level', {
          options: ['company', 'team', 'individual'].map((l) => ({ value: l, label: l })),
        })}
        {f('parentId', 'Parent objective', {
          options: [
            { value: '', label: 'None' },
            ...lists.objectives
              .filter((o) => o.id !== draft.id)
              .map((o) => ({ value: o.id, label: o.title })),
          ],
        })}
        {f('ownerId', 'Owner', { options: people(lists.users) })}
        {f('periodStart', 'Period start', { type: 'date' })}
        {f('periodEnd', 'Period end', { type: 'date' })}
        {f('perspective', 'Perspective', {
          options: [{ value: '', label: 'None' }, ...PERSPECTIVES.map((p) => ({ value: p, label: p }))],
        })}
      </div>
      <button type="button" onClick={() => void run(Object.keys(all).length === 0)}>
        Save objective
      </button>
      <Refusal error={refusal} />
    </form>
  );
}

export function KeyResultForm(props: {
  client: AdminClient;
  lists: Lists;
  stored: KeyResult | null;
  draft: KeyResultDraft;
  onDraft(d: KeyResultDraft): void;
  onSaved(): void;
}) {
  const { client, lists, stored, draft, onDraft, onSaved } = props;
  const item = keyResultOf(draft);
  const all = fieldErrors(ADMIN_COLLECTIONS.keyResults.schema, item);
  const expected = stored?.updatedAt ? { expected: { [stored.id]: stored.updatedAt } } : {};
  const { refusal, checked, run } = useSave(() => client.put('keyResults', [item], expected), onSaved);
  const errors = checked ? all : {};
  const f = (name: Exclude<keyof KeyResultDraft, 'tierIds'>, label: string, extra: object = {}) => (
    <Field
      label={label}
      name={name}
      prefix="kr"
      value={draft[name]}
      errors={errors}
      onChange={(value) => onDraft({ ...draft, [name]: value })}
      {...extra}
    />
  );
  const toggleTier = (id: string) =>
    onDraft({
      ...draft,
      tierIds: draft.tierIds.includes(id) ? draft.tierIds.filter((t) => t !== id) : [...draft.tierIds, id],
    });
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-label="Key result">
      <h3>{stored ? `Edit key result ${stored.title}` : 'New key result'}</h3>
      <div className="tier-fields">
        {!stored && f('id', 'Key result id')}
        {f('title', 'Key result title')}
        {f('unit', 'Unit', {
          options: ['count', 'percent', 'currency', 'boolean'].map((u) => ({ value: u, label: u })),
        })}
        {f('direction', 'Direction', {
          options: ['increase', 'decrease'].map((d) => ({ value: d, label: d })),
        })}
        {f('start', 'Start')}
        {f('target', 'Target')}
        {f('current', 'Current (a new measurement)')}
        {f('ownerId', 'Key result owner', { options: people(lists.users) })}
        {f('dueDate', 'Due date', { type: 'date' })}
        {f('confidence', 'Confidence (0–10)')}
        {f('accountIds', 'Accounts (ids, comma-separated)', { errorKey: 'scope.accountIds' })}
        {f('quickLabel', 'One-click label', { errorKey: 'quickLog.label' })}
        {f('quickDelta', 'One-click delta', { errorKey: 'quickLog.delta' })}
      </div>
      <fieldset>
        <legend>Tiers in scope</legend>
        {lists.tiers.map((tier) => (
          <label key={tier.id} className="inline">
            <input
              type="checkbox"
              checked={draft.tierIds.includes(tier.id)}
              onChange={() => toggleTier(tier.id)}
            />
            {tier.name}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={() => void run(Object.keys(all).length === 0)}>
        Save key result
      </button>
      <Refusal error={refusal} />
    </form>
  );
}
