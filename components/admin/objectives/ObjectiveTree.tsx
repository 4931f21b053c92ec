import type { ObjectiveNode } from '@/lib/okr/objective-rollup.ts';
import type { KeyResult, Objective } from '@/lib/schemas/index.ts';

const PACE = { on_track: 'on track', at_risk: 'at risk', off_track: 'off track' } as const;
const percent = (p: number | null) => (p === null ? 'no key results' : `${Math.round(p * 100)}%`);

export interface TreeActions {
  edit(objective: Objective): void;
  addKeyResult(objective: Objective): void;
  editKeyResult(kr: KeyResult): void;
  /** Archive an active objective, or restore an archived one. */
  toggleArchive(objective: Objective): void;
}

/** A button whose visible word is short and whose accessible name says what it acts on. */
function Act({ word, what, onClick }: { word: string; what: string; onClick(): void }) {
  return (
    <button type="button" onClick={onClick}>
      {word} <span className="visually-hidden">{what}</span>
    </button>
  );
}

function Node({ node, archived, act }: { node: ObjectiveNode; archived: boolean; act: TreeActions }) {
  const { objective } = node;
  return (
    <li>
      <div className="objective">
        <strong>{objective.title}</strong> <span className="hint">({objective.level})</span> —{' '}
        {percent(node.progress)}
        {node.pace && `, ${PACE[node.pace.status]}`}{' '}
        <Act word="Edit" what={objective.title} onClick={() => act.edit(objective)} />{' '}
        {!archived && (
          <>
            <Act
              word="Add key result"
              what={`to ${objective.title}`}
              onClick={() => act.addKeyResult(objective)}
            />{' '}
          </>
        )}
        <Act
          word={archived ? 'Restore' : 'Archive'}
          what={objective.title}
          onClick={() => act.toggleArchive(objective)}
        />
      </div>
      {node.keyResults.length > 0 && (
        <ul aria-label={`Key results of ${objective.title}`}>
          {node.keyResults.map((kr) => (
            <li key={kr.id}>
              {kr.title}: {kr.current} of {kr.target}{' '}
              <Act word="Edit" what={kr.title} onClick={() => act.editKeyResult(kr)} />
            </li>
          ))}
        </ul>
      )}
      {node.children.length > 0 && <Tree nodes={node.children} archived={archived} act={act} />}
    </li>
  );
}

/** The cascade as nested lists; `archived` trees offer Restore where active ones offer Archive. */
export function Tree({
  nodes,
  archived,
  act,
  label,
}: {
  nodes: ObjectiveNode[];
  archived: boolean;
  act: TreeActions;
  label?: string;
}) {
  return (
    <ul className={label ? 'objective-tree' : undefined} aria-label={label}>
      {nodes.map((node) => (
        <Node key={node.objective.id} node={node} archived={archived} act={act} />
      ))}
    </ul>
  );
}
