import type { ComponentProps } from "react";
import styles from "./form-controls.module.css";

// React 19 passes `ref` as a prop, so react-hook-form's register() works on these as on the
// native elements. They add only the shared look; labels and descriptions stay the caller's.

const join = (...names: (string | undefined)[]) => names.filter(Boolean).join(" ");

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={join(styles.input, className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={join(styles.input, className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={join(styles.textarea, className)} {...props} />;
}

export function Checkbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return <input type="checkbox" className={join(styles.checkbox, className)} {...props} />;
}

/** The input look for a control that is not one of the above (a custom widget). */
export const inputClassName = styles.input;
