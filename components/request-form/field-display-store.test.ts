import { createFormControl } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_TIER_POLICY } from "@/lib/domain/policy/default-policy";
import { FieldDisplayStore } from "./field-display-store";
import { emptyGsi, initialFormValues } from "./form-defaults";
import type { RequestFormValues } from "./form-schema";

const blank = initialFormValues({ teams: ["checkout"], requesterEmail: "dev@example.com" }, DEFAULT_TIER_POLICY);

// react-hook-form's form control without React: the same state machine the page's useForm drives.
function setUp(defaults: RequestFormValues = blank) {
  const form = createFormControl<RequestFormValues>({ defaultValues: structuredClone(defaults), mode: "onTouched" });
  const store = new FieldDisplayStore(form, defaults);
  const listener = vi.fn();
  store.subscribe(listener);
  const disconnect = store.connect();
  listener.mockClear();
  return { form, store, listener, disconnect };
}

describe("FieldDisplayStore (what each field shows, from one form subscription)", () => {
  it("shows nothing on a form nobody has touched", () => {
    const { store } = setUp();
    expect(store.isShown("tableName")).toBe(false);
    expect(store.errorOf("tableName")).toBeUndefined();
  });

  it("shows a field's findings once it is changed, and tells its subscribers", () => {
    const { form, store, listener } = setUp();
    form.setValue("tableName", "orders", { shouldDirty: true });
    expect(listener).toHaveBeenCalled();
    expect(store.isShown("tableName")).toBe(true);
    expect(store.isShown("owner.team")).toBe(false);
  });

  it("keeps a just-added card quiet until it is touched (it is not in the baseline)", () => {
    const { form, store } = setUp();
    form.setValue("globalSecondaryIndexes", [...blank.globalSecondaryIndexes, emptyGsi()], { shouldDirty: true });
    const added = `globalSecondaryIndexes.${blank.globalSecondaryIndexes.length}.name`;
    expect(store.isShown(added)).toBe(false);
    form.setValue(added as "tableName", "by-user", { shouldDirty: true, shouldTouch: true });
    expect(store.isShown(added)).toBe(true);
  });

  it("shows everything after a save was tried, and nothing again after a reset", async () => {
    const { form, store } = setUp();
    await form.handleSubmit(() => undefined)();
    expect(store.isShown("owner.team")).toBe(true);
    expect(store.isShown("globalSecondaryIndexes.7.name")).toBe(true);
    form.reset(blank);
    expect(store.isShown("owner.team")).toBe(false);
  });

  it("follows the defaults a reset installs (a loaded example's cards are its baseline)", () => {
    const example = { ...blank, globalSecondaryIndexes: [emptyGsi()] };
    const { form, store } = setUp();
    form.reset(example);
    form.setValue("globalSecondaryIndexes.0.name", "by-user", { shouldDirty: true });
    expect(store.isShown("globalSecondaryIndexes.0.name")).toBe(true);
  });

  it("gives the resolver's message for the field", () => {
    const { form, store, listener } = setUp();
    form.setError("billing.read.units", { type: "invalid_type", message: "Enter a number." });
    expect(listener).toHaveBeenCalled();
    expect(store.errorOf("billing.read.units")).toBe("Enter a number.");
    expect(store.errorOf("tableName")).toBeUndefined();
  });

  it("stops telling its subscribers once disconnected", () => {
    const { form, listener, disconnect } = setUp();
    disconnect();
    form.setValue("tableName", "orders", { shouldDirty: true });
    expect(listener).not.toHaveBeenCalled();
  });
});
