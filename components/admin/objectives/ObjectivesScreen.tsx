import { useEffect, useState } from 'react';
import { type ObjectiveNode, objectiveTree } from '@/lib/okr/objective-rollup.ts';
import type { KeyResult, Objective, Tier, User } from '@/lib/schemas/index.ts';
import type { ScreenProps } from '../screen-props.ts';
import { type KeyResultDraft, keyResultDraft, type ObjectiveDraft, objectiveDraft } from './forms.ts';
import { KeyResultForm, ObjectiveForm } from './ObjectiveForms.tsx';

interface Data {
  objectives: Objective[];
  keyResults: KeyResult[];
  users: User[];
  tiers: Tier[];
}

const PACE = { on_track: 'on track', at_risk: 'at risk', off_track: 'off track' } as const;
const percent = (p: number | null) => (p === null ? 'no key results' : `${Math.round(p * 100)}%`);

type Editing =
  | { kind: 'objective'; stored: Objective | null; draft: ObjectiveDraft }
  | { kind: 'keyResult'; stored: KeyResult | null; draft: KeyResultDraft };

/** The cascade company → team → individual, with progress and pace rolled up from key results. */
export function ObjectivesScreen({ client }: ScreenProps) {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    void version;
    Promise.all([
      client.list('objectives'),
      client.list('keyResults'),
      client.list('users'),
      client.list('tiers'),
    ]).then(
      ([objectives, keyResults, users, tiers]) => setData({ objectives, keyResults, users, tiers }),
      setError,
    );
  }, [client, version]);
  if (error) return <p role="alert">Could not load the objectives: {String(error)}</p>;
  if (!data) return <p role="status">Loading objectives…</p>;
  const tree = objectiveTree(data.objectives, data.keyResults, new Date());
  const onSaved = (what: string) => () => {
    setSaved(`Saved ${what}.`);
    setEditing(null);
    setVersion((v) => v + 1);
  };
  const node = (n: ObjectiveNode) => (
    <li key={n.objective.id}>
      <div className="objective">
        <strong>{n.objective.title}</strong> <span className="hint">({n.objective.level})</span> —{' '}
        {percent(n.progress)}
        {n.pace && `, ${PACE[n.pace.status]}`}{' '}
        <button
          type="button"
          onClick={() =>
            setEditing({ kind: 'objective', stored: n.objective, draft: objectiveDraft(n.objective) })
          }
        >
          Edit <span className="visually-hidden">{n.objective.title}</span>
        </button>{' '}
        <button
          type="button"
          onClick={() =>
            setEditing({ kind: 'keyResult', stored: null, draft: keyResultDraft(n.objective.id) })
          }
        >
          Add key result <span className="visually-hidden">to {n.objective.title}</span>
        </button>
      </div>
      {n.keyResults.length > 0 && (
        <ul aria-label={`Key results of ${n.objective.title}`}>
          {n.keyResults.map((kr) => (
            <li key={kr.id}>
              {kr.title}: {kr.current} of {kr.target}{' '}
              <button
                type="button"
                onClick={() =>
                  setEditing({ kind: 'keyResult', stored: kr, draft: keyResultDraft(kr.objectiveId, kr) })
                }
              >
                Edit <span className="visually-hidden">{kr.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {n.children.length > 0 && <ul>{n.children.map(node)}</ul>}
    </li>
  );
  const lists = { objectives: data.objectives, users: data.users, tiers: data.tiers };
  return (
    <div>
      <h2>Objectives</h2>
      <button
        type="button"
        onClick={() => setEditing({ kind: 'objective', stored: null, draft: objectiveDraft() })}
      >
        New objective
      </button>
      {saved && <p role="status">{saved}</p>}
      {editing?.kind === 'objective' && (
        <ObjectiveForm
          client={client}
          lists={lists}
          stored={editing.stored}
          draft={editing.draft}
          onDraft={(draft) => setEditing({ ...editing, draft })}
          onSaved={onSaved(editing.draft.title)}
        />
      )}
      {editing?.kind === 'keyResult' && (
        <KeyResultForm
          client={client}
          lists={lists}
          stored={editing.stored}
          draft={editing.draft}
          onDraft={(draft) => setEditing({ ...editing, draft })}
          onSaved={onSaved(editing.draft.title)}
        />
      )}
      <ul className="objective-tree" aria-label="Objective cascade">
        {tree.map(node)}
      </ul>
    </div>
  );
}
