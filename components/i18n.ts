/** Types over the generated message keys (locales/en.yml). */
import type { GeneratedI18nStructure as Messages } from '#i18n';

/** A message key without plural forms or substitutions: `i18n.t(key)` takes nothing else. */
export type PlainKey = { [K in keyof Messages]: Messages[K] extends { plural: false; substitutions: 0 } ? K : never }[keyof Messages];
