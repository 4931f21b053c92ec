import { type ReactNode, useState } from 'react';
import {
  ADMIN_COLLECTIONS,
  type AdminInput,
  type KeyResult,
  type Objective,
  PERSPECTIVES,
  type Tier,
  type User,
} from '@/lib/schemas/index.ts';
import type { AdminClient } from '../admin-client.ts';
import { Field } from '../Field.tsx';
import { type FieldErrors, fieldErrors } from '../field-errors.ts';
import { Refusal } from '../Refusal.tsx';
import { type KeyResultDraft, keyResultOf, type ObjectiveDraft, objectiveOf } from './forms.ts';

interface Lists {
  objectives: Objective[];
  users: User[];
  tiers: Tier[];
}

export type Editing =
  | { kind: 'objective'; stored: Objective | null; draft: ObjectiveDraft }
  | { kind: 'keyResult'; stored: KeyResult | null; draft: KeyResultDraft };

const people = (users: User[]) => [
  { value: '', label: 'Nobody' },
  ...users.map((u) => ({ value: u.id, label: u.name })),
];
const choices = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

interface FormProps<D> {
  client: AdminClient;
  lists: Lists;
  draft: D;
  onDraft(draft: D): void;
  onSaved(): void;
}

/**
 * One form over one collection: the schema's problems beside each field once Save is pressed, and
 * the save guarded by the `updatedAt` the row was read with, so a newer change is never overwritten.
 */
function EntityForm<C extends 'objectives' | 'keyResults', D extends Record<string, unknown>>(props: {
  collection: C;
  item: AdminInput<C>;
  stored: { id: string; updatedAt?: string | undefined } | null;
  name: string;
  heading: string;
  prefix: string;
  form: FormProps<D>;
  fields(field: (name: keyof D & string, label: string, extra?: object) => ReactNode): ReactNode;
  children?: ReactNode;
}) {
  const { collection, item, stored, name, heading, prefix, form } = props;
  const [refusal, setRefusal] = useState<unknown>(null);
  const [checked, setChecked] = useState(false);
  const all = fieldErrors(ADMIN_COLLECTIONS[collection].schema, item);
  const errors: FieldErrors = checked ? all : {};
  const save = async () => {
    setChecked(true);
    if (Object.keys(all).length > 0) return;
    setRefusal(null);
    try {
      const expected = stored?.updatedAt ? { expected: { [stored.id]: stored.updatedAt } } : {};
      await form.client.put(collection, [item], expected);
      form.onSaved();
    } catch (error) {
      setRefusal(error);
    }
  };
  const field = (key: keyof D & string, label: string, extra: object = {}) => (
    <Field
      label={label}
      name={key}
      prefix={prefix}
      value={String(form.draft[key])}
      errors={errors}
      onChange={(value) => form.onDraft({ ...form.draft, [key]: value })}
      {...extra}
    />
  );
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-label={name}>
      <h2>{heading}</h2>
      <div className="tier-fields">{props.fields(field)}</div>
      {props.children}
      <button type="button" onClick={() => void save()}>
        Save {name.toLowerCase()}
      </button>
      <Refusal error={refusal} />
    </form>
  );
}

function ObjectiveForm({ stored, ...form }: FormProps<ObjectiveDraft> & { stored: Objective | null }) {
  const { lists, draft } = form;
  return (
    <EntityForm
      collection="objectives"
      item={objectiveOf(draft)}
      stored={stored}
      name="Objective"
      heading={stored ? `Edit objective ${stored.title}` : 'New objective'}
      prefix="objective"
      form={form}
      fields={(f) => (
        <>
          {!stored && f('id', 'Objective id')}
          {f('title', 'Title')}
          {f('level', 'Level', { options: choices(['company', 'team', 'individual']) })}
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
            options: [{ value: '', label: 'None' }, ...choices(PERSPECTIVES)],
          })}
        </>
      )}
    />
  );
}

function KeyResultForm({ stored, ...form }: FormProps<KeyResultDraft> & { stored: KeyResult | null }) {
  const { lists, draft, onDraft } = form;
  const toggleTier = (id: string) =>
    onDraft({
      ...draft,
      tierIds: draft.tierIds.includes(id) ? draft.tierIds.filter((t) => t !== id) : [...draft.tierIds, id],
    });
  return (
    <EntityForm
      collection="keyResults"
      item={keyResultOf(draft)}
      stored={stored}
      name="Key result"
      heading={stored ? `Edit key result ${stored.title}` : 'New key result'}
      prefix="kr"
      form={form}
      fields={(f) => (
        <>
          {!stored && f('id', 'Key result id')}
          {f('title', 'Key result title')}
          {f('unit', 'Unit', { options: choices(['count', 'percent', 'currency', 'boolean']) })}
          {f('direction', 'Direction', { options: choices(['increase', 'decrease']) })}
          {f('start', 'Start')}
          {f('target', 'Target')}
          {f('current', 'Current (a new measurement)')}
          {f('ownerId', 'Key result owner', { options: people(lists.users) })}
          {f('dueDate', 'Due date', { type: 'date' })}
          {f('confidence', 'Confidence (0–10)')}
          {f('accountIds', 'Accounts (ids, comma-separated)', { errorKey: 'scope.accountIds' })}
          {f('quickLabel', 'One-click label', { errorKey: 'quickLog.label' })}
          {f('quickDelta', 'One-click delta', { errorKey: 'quickLog.delta' })}
        </>
      )}
    >
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
    </EntityForm>
  );
}

/** The form for what is being edited: an objective or a key result, new or stored. */
export function EditingForm({
  editing,
  onEditing,
  ...rest
}: Omit<FormProps<never>, 'draft' | 'onDraft'> & { editing: Editing; onEditing(e: Editing): void }) {
  return editing.kind === 'objective' ? (
    <ObjectiveForm
      {...rest}
      stored={editing.stored}
      draft={editing.draft}
      onDraft={(draft) => onEditing({ ...editing, draft })}
    />
  ) : (
    <KeyResultForm
      {...rest}
      stored={editing.stored}
      draft={editing.draft}
      onDraft={(draft) => onEditing({ ...editing, draft })}
    />
  );
}
