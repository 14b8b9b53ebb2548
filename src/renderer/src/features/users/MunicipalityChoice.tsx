import { useServiceConfigStore } from '../../stores/service-config-store';

/** Which municipalities an account belongs to (consultants and requesters): one checkbox each. */
export function MunicipalityChoice(props: {
  legend: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const municipalities = useServiceConfigStore((s) => s.config.municipalities);
  return (
    <fieldset className="users-municipalities">
      <legend>{props.legend}</legend>
      {municipalities.map((m) => (
        <label key={m.id} className="users-municipalities__item">
          <input
            type="checkbox"
            checked={props.value.includes(m.id)}
            onChange={(e) =>
              props.onChange(
                e.target.checked ? [...props.value, m.id] : props.value.filter((id) => id !== m.id),
              )
            }
          />{' '}
          {m.name}
        </label>
      ))}
    </fieldset>
  );
}
