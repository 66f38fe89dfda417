import "server-only";
import { hasPermission } from "@/lib/domain/auth/permissions";
import { formatEventList, type NotificationPreferences } from "@/lib/domain/notifications";
import type { Actor } from "../actor";
import { type Db, getDb } from "../db";
import { preferencesFromRow } from "./dispatch-notification-event";
import { mailSettingsFromEnv } from "./mail-transport";

export interface PreferencesView {
  email: { enabled: boolean; address: string };
  canDecide: boolean;
  preferences: NotificationPreferences;
}

/** What the person receives by e-mail (defaults until they save their own). */
export async function getNotificationPreferences(actor: Actor, db?: Db): Promise<PreferencesView> {
  db ??= await getDb();
  const row = await db.notificationPreference.findUnique({ where: { userId: actor.id } });
  return {
    email: { enabled: mailSettingsFromEnv() !== null, address: actor.email },
    canDecide: hasPermission(actor.role, "requests.decide"),
    preferences: preferencesFromRow(row),
  };
}

/** Saves the person's own choices (never anyone else's: the user comes from the session or token). */
export async function saveNotificationPreferences(
  actor: Actor,
  preferences: NotificationPreferences,
  db?: Db,
): Promise<PreferencesView> {
  db ??= await getDb();
  const data = {
    ownEvents: formatEventList(preferences.own),
    teamEvents: formatEventList(preferences.team),
    needsDecision: preferences.needsDecision,
  };
  await db.notificationPreference.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, ...data },
    update: data,
  });
  return getNotificationPreferences(actor, db);
}
