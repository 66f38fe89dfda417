import type { FieldPath, UseFormReturn } from "react-hook-form";
import type { RequestFormValues } from "./form-schema";

type Listener = () => void;

/** The parts of react-hook-form's API the store reads (what `useForm` and `createFormControl` both return). */
export type FieldStateSource = Pick<UseFormReturn<RequestFormValues>, "subscribe" | "getFieldState">;

/** The value at a dotted form path (`globalSecondaryIndexes.1.name`), or undefined. */
function valueAt(root: unknown, name: string): unknown {
  let value = root;
  for (const segment of name.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * What each field shows besides its control: the resolver's message and whether the engine's
 * findings are shown yet (touched, dirty or a save tried). One subscription to the form for the
 * whole page; each field reads its own answer as a primitive through useSyncExternalStore, so a
 * change re-renders only the fields whose answer changed.
 *
 * Before this, every field held its own `useFormState`, and react-hook-form sends a state update
 * without a field name after each list action (add/remove a GSI or a replica) when the form is
 * watched as a whole (the live panel watches it): every field on the page re-rendered, about
 * 30 ms of the Add GSI budget.
 */
export class FieldDisplayStore {
  private submitCount = 0;
  private defaultValues: unknown;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly form: FieldStateSource,
    defaultValues: RequestFormValues,
  ) {
    this.defaultValues = defaultValues;
  }

  /** Starts following the form (errors, dirty and touched fields, submit count); returns the stop function. */
  connect(): () => void {
    const stop = this.form.subscribe({
      formState: { errors: true, dirtyFields: true, touchedFields: true, submitCount: true },
      callback: (state) => {
        this.submitCount = state.submitCount ?? this.submitCount;
        if (state.defaultValues !== undefined) this.defaultValues = state.defaultValues;
        this.notify();
      },
    });
    // Fields rendered before this ran may have read a state that has moved on since.
    this.notify();
    return stop;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The resolver's message for this field (shape errors: "Enter a number."), if any. */
  errorOf = (name: string): string | undefined => {
    const message = this.form.getFieldState(name as FieldPath<RequestFormValues>).error?.message;
    return typeof message === "string" ? message : undefined;
  };

  /**
   * Whether the engine's findings show on this field: once the person has been in it or tried to
   * save, or changed it. A card just added (a GSI, an LSI, a replica, a tag) is not in the form's
   * baseline and stays quiet until touched or saved, however incomplete it starts.
   */
  isShown = (name: string): boolean => {
    if (this.submitCount > 0) return true;
    const state = this.form.getFieldState(name as FieldPath<RequestFormValues>);
    if (state.isTouched) return true;
    return state.isDirty && valueAt(this.defaultValues, name) !== undefined;
  };
}
