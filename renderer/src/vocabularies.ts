import { useEffect, useState } from 'react';

import type { VocabularyValue } from '../../shared/ipc/contract';
import { termLabel } from '../../shared/vocabularies';
import { api } from './api';
import { currentLanguage } from './i18n';
import { useApp } from './store';

export type Vocabularies = Readonly<Record<string, VocabularyValue>>;

// One fetch per unlock: vocabularies change rarely, and a lock starts a new session.
let cache: { session: number; value: Promise<Vocabularies | null> } | null = null;

function load(session: number): Promise<Vocabularies | null> {
  if (cache?.session !== session) {
    cache = {
      session,
      value: api()
        .vocabularies.list()
        .then((result) =>
          result.ok ? Object.fromEntries(result.value.vocabularies.map((v) => [v.name, v])) : null,
        ),
    };
  }
  return cache.value;
}

/** After a vocabulary is saved: the next picker asks the vault again. */
export function vocabulariesChanged(): void {
  cache = null;
}

/** The vault's vocabularies by name, or null while they load (or when they could not). */
export function useVocabularies(): Vocabularies | null {
  const session = useApp((state) => state.session);
  const [value, setValue] = useState<Vocabularies | null>(null);
  useEffect(() => {
    let live = true;
    void load(session).then((loaded) => {
      if (live) setValue(loaded);
    });
    return () => {
      live = false;
    };
  }, [session]);
  return value;
}

/** The terms a picker offers: current ones (and the one already chosen), by label. */
export function termOptions(
  vocabulary: VocabularyValue | undefined,
  chosen: string,
): { id: string; label: string }[] {
  const language = currentLanguage();
  return (vocabulary?.terms ?? [])
    .filter((term) => !term.retired || term.id === chosen)
    .map((term) => ({ id: term.id, label: termLabel(vocabulary, term.id, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}
