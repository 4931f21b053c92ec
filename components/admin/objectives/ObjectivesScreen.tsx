import { useEffect, useState } from 'react';
import { isArchived } from '@/lib/okr/archived.ts';
import { objectiveTree } from '@/lib/okr/objective-rollup.ts';
import type { KeyResult, Objective, Tier, User } from '@/lib/schemas/index.ts';
import { Refusal } from '../Refusal.tsx';
import type { ScreenProps } from '../screen-props.ts';
import { archivedOf, keyResultDraft, objectiveDraft } from './forms.ts';
import { type Editing, EditingForm } from './ObjectiveForms.tsx';
import { Tree, type TreeActions } from './ObjectiveTree.tsx';

interface Data {
  objectives: Objective[];
  keyResults: KeyResult[];
  users: User[];
  tiers: Tier[];
}

/**
 * The cascade company → team → individual, with progress and pace rolled up from key results.
 * Archived objectives (finished, out of the panel) are listed apart, folded away, each restorable.
 */
export function ObjectivesScreen({ client }: ScreenProps) {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
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
  const done = (message: string) => {
    setSaved(message);
    setEditing(null);
    setVersion((v) => v + 1);
  };
  const act: TreeActions = {
    edit: (o) => setEditing({ kind: 'objective', stored: o, draft: objectiveDraft(o) }),
    addKeyResult: (o) => setEditing({ kind: 'keyResult', stored: null, draft: keyResultDraft(o.id) }),
    editKeyResult: (kr) =>
      setEditing({ kind: 'keyResult', stored: kr, draft: keyResultDraft(kr.objectiveId, kr) }),
    toggleArchive: async (o) => {
      const archiving = !isArchived(o);
      setRefusal(null);
      try {
        const expected = o.updatedAt ? { expected: { [o.id]: o.updatedAt } } : {};
        await client.put(
          'objectives',
          [archivedOf(o, archiving ? new Date().toISOString() : null)],
          expected,
        );
        done(archiving ? `Archived ${o.title}.` : `Restored ${o.title}.`);
      } catch (caught) {
        setRefusal(caught);
      }
    },
  };
  const active = data.objectives.filter((o) => !isArchived(o));
  const archived = data.objectives.filter(isArchived);
  const now = new Date();
  return (
    <section aria-labelledby="objectives-title">
      <h1 id="objectives-title">Objectives</h1>
      <button
        type="button"
        onClick={() => setEditing({ kind: 'objective', stored: null, draft: objectiveDraft() })}
      >
        New objective
      </button>
      {saved && <p role="status">{saved}</p>}
      <Refusal error={refusal} />
      {editing && (
        <EditingForm
          key={`${editing.kind}:${editing.stored?.id ?? '(new)'}`}
          client={client}
          lists={{ objectives: data.objectives, users: data.users, tiers: data.tiers }}
          editing={editing}
          onEditing={setEditing}
          onSaved={() => done(`Saved ${editing.draft.title}.`)}
        />
      )}
      <Tree
        nodes={objectiveTree(active, data.keyResults, now)}
        archived={false}
        act={act}
        label="Objective cascade"
      />
      {archived.length > 0 && (
        <details className="archived">
          <summary>Archived objectives ({archived.length})</summary>
          <Tree
            nodes={objectiveTree(archived, data.keyResults, now)}
            archived
            act={act}
            label="Archived objectives"
          />
        </details>
      )}
    </section>
  );
}
