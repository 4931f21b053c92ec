import type { AdminCollection } from '@/lib/schemas/index.ts';
import { type ColumnChoice, mappingProblems, targetOptions } from './column-mapping.ts';

interface Props {
  collection: AdminCollection;
  choices: readonly ColumnChoice[];
  onChoose: (header: string, target: string | null) => void;
}

const LEAVE_OUT = '';

/** Each column of the file with the field it fills, changeable; a clash is named beside its column. */
export function ColumnMapping({ collection, choices, onChoose }: Props) {
  const problems = mappingProblems(choices);
  return (
    <fieldset>
      <legend>Columns</legend>
      <table>
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Goes to</th>
          </tr>
        </thead>
        <tbody>
          {choices.map(({ header, target }, index) => {
            const id = `column-${index}`;
            const problem = problems.get(header);
            const options = targetOptions(collection, header);
            return (
              <tr key={header}>
                <td>
                  <label htmlFor={id}>{header}</label>
                </td>
                <td>
                  <select
                    id={id}
                    value={target ?? LEAVE_OUT}
                    aria-invalid={problem !== undefined}
                    aria-describedby={problem ? `${id}-problem` : undefined}
                    onChange={(event) => onChoose(header, event.target.value || null)}
                  >
                    <option value={LEAVE_OUT}>(leave out)</option>
                    {target !== null && !options.includes(target) && <option value={target}>{target}</option>}
                    {options.map((option) => (
                      <option key={option} value={option}>
                        {option}
                      </option>
                    ))}
                  </select>
                  {problem && (
                    <span id={`${id}-problem`} className="field-error">
                      {' '}
                      {problem}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
