/**
 * Expands compact verb lists into the surface forms a tag uses, so the bundled data stays small.
 * Each helper takes a space-separated list; irregular entries spell their forms out.
 */

/** Entries are space-separated; an underscore joins the words of one form ("fait_valoir"). */
const words = (list: string) => list.split(/\s+/).filter(Boolean).map((w) => w.replace(/_/g, ' '));

/** English gerunds: "say" → saying, "write" → writing ("…, saying, “…”"). */
export function englishGerunds(list: string): string[] {
  return words(list).map((e) => e.split('/')[0]).map((b) => (/[^e]e$/.test(b) ? b.slice(0, -1) : b) + 'ing');
}

/** English: "add" → add adds added; "say/said" gives the past explicitly; "reply" → replies replied. */
export function englishForms(list: string): string[] {
  const out: string[] = [];
  for (const entry of words(list)) {
    const [base, past] = entry.split('/');
    const third = /(s|sh|ch|x)$/.test(base)
      ? base + 'es'
      : /[^aeiou]y$/.test(base)
        ? base.slice(0, -1) + 'ies'
        : base + 's';
    const ed = past ?? (base.endsWith('e') ? base + 'd' : /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ied' : base + 'ed');
    out.push(base, third, ed);
  }
  return out;
}

/**
 * French: a regular -er stem "déclar" → déclare déclarent déclaré(e)(s) déclarait déclaraient déclara;
 * "present:participle" entries ("dit:dit", "rappelle:rappelé") give the two forms a tag uses.
 */
export function frenchForms(list: string): { present: string[]; participles: string[]; gerunds: string[] } {
  const present: string[] = [];
  const participles: string[] = [];
  const gerunds: string[] = [];
  for (const entry of words(list)) {
    // Irregular verbs: "present:participle" or "present:participle:gerund" ("dit:dit:disant").
    const [pres, part, gerund] = entry.split(':');
    if (part) {
      present.push(pres);
      participles.push(part, part + 'e');
      if (gerund) gerunds.push(gerund);
      continue;
    }
    present.push(pres + 'e', pres + 'ent', pres + 'ait', pres + 'aient', pres + 'a');
    participles.push(pres + 'é', pres + 'ée', pres + 'és', pres + 'ées');
    // "estimant", "dénonçant", "jugeant".
    gerunds.push(pres.replace(/c$/, 'ç').replace(/g$/, 'ge') + 'ant');
  }
  return { present, participles, gerunds };
}

/** German weak verbs: "sag" → sagt sagte sagten gesagt; strong verbs are listed as forms. */
export function germanForms(weak: string, strong: string): string[] {
  const out: string[] = words(strong);
  for (const stem of words(weak)) {
    // "antwortete", "entgegnete" (a consonant before n or m), but "meinte", "warnte".
    const t = /(?:[dt]|[^aeiouäöülrh][nm])$/.test(stem) ? 'et' : 't';
    // The present plural too ("meinen die Abgeordneten", "fordern", "äußern").
    out.push(stem + t, stem + t + 'e', stem + t + 'en', stem + (/[^i]e[lr]$/.test(stem) ? 'n' : 'en'));
    // The participle after "hat": "gesagt", "gewarnt"; none of its own for "erklärt", "kritisiert".
    if (!/^(?:be|er|ver|zer|ent|emp|ge|miss)|ier$/.test(stem)) out.push('ge' + stem + t);
  }
  return out;
}

/**
 * Spanish, in the third person a tag uses: -ar stems "afirm" → afirma afirman afirmó afirmaron
 * afirmaba afirmaban afirmado (the participle after "ha/han/había": "ha afirmado"); -er/-ir stems
 * "añad" → añade añaden añadió añadieron añadía añadían añadido; irregular forms spelt out.
 */
export function spanishForms(ar: string, erIr: string, irregular: string): string[] {
  const out: string[] = words(irregular);
  for (const stem of words(ar)) out.push(...['a', 'an', 'ó', 'aron', 'aba', 'aban', 'ado'].map((e) => stem + e));
  for (const stem of words(erIr)) out.push(...['e', 'en', 'ió', 'ieron', 'ía', 'ían', 'ido'].map((e) => stem + e));
  return out;
}
