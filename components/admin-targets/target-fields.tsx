import controls from "@/components/ui/controls.module.css";
import styles from "@/components/ui/page.module.css";

/** One labelled input with its hint and the server's field error, tied together for screen readers. */
export function TextField(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  placeholder?: string;
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className={styles.input}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={`${props.id}-hint${props.error ? ` ${props.id}-error` : ""}`}
      />
      <p id={`${props.id}-hint`} className={controls.hint}>
        {props.hint}
      </p>
      {props.error && (
        <p id={`${props.id}-error`} className={controls.fieldError}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A labelled select of [value, label] options with the server's field error under it. */
export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [string, string])[];
  error?: string;
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        className={styles.input}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {props.error && <p className={controls.fieldError}>{props.error}</p>}
    </div>
  );
}
