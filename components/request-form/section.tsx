"use client";

import type { ReactNode } from "react";
import { SectionIssues } from "./field";
import { fieldId } from "./field-paths";
import styles from "./request-form.module.css";

/** One titled part of the form; its id lets the error summary and the Checks tab jump to it. */
export function Section({
  name,
  title,
  description,
  children,
}: {
  /** The request path this section covers (`regions`); issues on it with no closer field show here. */
  name: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <fieldset className={styles.section} id={fieldId(name)} tabIndex={-1}>
      <legend className={styles.legend}>{title}</legend>
      {description && <p className={styles.sectionDescription}>{description}</p>}
      <SectionIssues name={name} isAnchor={false} />
      {children}
    </fieldset>
  );
}
