import type { RecordType } from '../model';

/**
 * What a field holds, as far as redaction is concerned: the sensitivity class says how much
 * harm a value can do, the kind says what coarsening or pseudonymising can make of it.
 *
 * - name: a private person's name (pseudonymised to a code; not coarsenable).
 * - official: the name of an official acting in public (shown when coarsened).
 * - personRef: the id of a person record, shown as that person's name or code.
 * - recordRef: the id of another record; ids are never printed, only followed.
 * - date: a fuzzy date; day: a `YYYY-MM-DD` day; timestamp: a date-time.
 * - locality: a place below a region (dropped when coarsened: the region stays).
 * - text: free text, or a contact detail: shown or removed, never half-shown.
 * - value: an enum, a term, a number, a code: coarse already.
 */
export type FieldKind =
  | 'name'
  | 'official'
  | 'personRef'
  | 'recordRef'
  | 'date'
  | 'day'
  | 'timestamp'
  | 'locality'
  | 'text'
  | 'value';

const place = {
  'place.country': 'value',
  'place.region': 'value',
  'place.locality': 'locality',
} as const;

/**
 * Every leaf field of every record type (the paths of describeFields). A test fails when a
 * field is added to the model without a kind here; until then, redaction treats an unknown
 * field as free text, the kind that is shown only when the profile shows it as recorded.
 */
export const fieldKinds: { readonly [T in RecordType]: Readonly<Record<string, FieldKind>> } = {
  person: {
    'names[].value': 'name',
    'names[].lang': 'value',
    'names[].kind': 'value',
    sex: 'value',
    birthDate: 'date',
    region: 'value',
    locality: 'locality',
    occupation: 'text',
    'contacts.phones[]': 'text',
    'contacts.emails[]': 'text',
    'contacts.messengers[].service': 'value',
    'contacts.messengers[].handle': 'text',
    'contacts.address': 'text',
    'contacts.relatives[].name': 'name',
    'contacts.relatives[].relation': 'value',
    'contacts.relatives[].personId': 'personRef',
    'contacts.relatives[].phones[]': 'text',
    'contacts.relatives[].note': 'text',
    'statuses[].kind': 'value',
    'statuses[].validFrom': 'date',
    'statuses[].validTo': 'date',
    'statuses[].recordedAt': 'timestamp',
    'statuses[].endRecordedAt': 'timestamp',
    'statuses[].retractedAt': 'timestamp',
    'statuses[].recognisedBy': 'value',
    'statuses[].note': 'text',
    'lastContact.date': 'date',
    'lastContact.note': 'text',
    'healthNotes[].date': 'date',
    'healthNotes[].note': 'text',
  },
  case: {
    title: 'text',
    summary: 'text',
    type: 'value',
    date: 'date',
    ...place,
    'involvements[].personId': 'personRef',
    'involvements[].role': 'value',
    'involvements[].note': 'text',
  },
  act: {
    caseId: 'recordRef',
    victimId: 'personRef',
    'perpetratorIds[]': 'personRef',
    type: 'value',
    date: 'date',
    ...place,
    description: 'text',
  },
  detention: {
    personId: 'personRef',
    caseId: 'recordRef',
    facility: 'value',
    from: 'date',
    to: 'date',
    regime: 'value',
    'incommunicadoPeriods[].from': 'date',
    'incommunicadoPeriods[].to': 'date',
    'incommunicadoPeriods[].note': 'text',
    releaseReason: 'value',
    note: 'text',
  },
  proceeding: {
    personId: 'personRef',
    caseId: 'recordRef',
    kind: 'value',
    court: 'value',
    'judge.personId': 'personRef',
    'judge.name': 'official',
    'prosecutor.personId': 'personRef',
    'prosecutor.name': 'official',
    'charges[]': 'value',
    inAbsentia: 'value',
    'hearings[].date': 'date',
    'hearings[].note': 'text',
    'verdict.date': 'date',
    'verdict.outcome': 'value',
    'sentence.prisonMonths': 'value',
    'sentence.regime': 'value',
    'sentence.restrictedFreedomMonths': 'value',
    'sentence.restrictedFreedomInInstitution': 'value',
    'sentence.fine.amount': 'value',
    'sentence.fine.currency': 'value',
    'sentence.fine.baseUnits': 'value',
    'sentence.jailDays': 'value',
    'sentence.communityServiceHours': 'value',
    'appeal.date': 'date',
    'appeal.court': 'value',
    'appeal.outcome': 'value',
  },
  testimony: {
    intervieweeId: 'personRef',
    intervieweeCode: 'value',
    interviewer: 'name',
    date: 'date',
    place: 'locality',
    language: 'value',
    transcript: 'text',
    'torture.circumstances': 'text',
    'torture.datesAndTimes': 'text',
    'torture.peopleInvolved': 'text',
    'torture.detentionRoutine': 'text',
    'torture.methods': 'text',
    'torture.sexualAssault': 'text',
    'torture.injuries': 'text',
    'torture.objectsUsed': 'text',
    'torture.witnesses': 'text',
    'torture.psychologicalEffects': 'text',
    'medicalFindings[].finding': 'text',
    'medicalFindings[].consistency': 'value',
    'medicalFindings[].examinedBy': 'name',
    'medicalFindings[].examinedOn': 'date',
    'consent.uses.internal': 'value',
    'consent.uses.advocacy': 'value',
    'consent.uses.un': 'value',
    'consent.uses.court': 'value',
    'consent.uses.publication': 'value',
    'consent.namedRecipients[]': 'value',
    'consent.givenOn': 'day',
    'consent.how': 'value',
    'consent.interpreter.name': 'name',
    'consent.interpreter.language': 'value',
    'consent.withdrawnOn': 'day',
    'consent.withdrawalNote': 'text',
    'consent.followUp[].owed': 'text',
    'consent.followUp[].dueOn': 'day',
    'consent.followUp[].doneOn': 'day',
    'consent.note': 'text',
    'caseIds[]': 'recordRef',
    'earlierTestimonyIds[]': 'recordRef',
    // Instructions to redaction, never content of a report: redactForProfile skips them, so
    // there is nothing of them to look for. The passage a mark covers is looked for as itself.
    'redactions[].field': 'value',
    'redactions[].start': 'value',
    'redactions[].end': 'value',
    'redactions[].sensitivity': 'value',
    'redactions[].text': 'value',
  },
  source: {
    kind: 'value',
    title: 'text',
    obtainedBy: 'name',
    obtainedOn: 'date',
    how: 'text',
    reliability: 'value',
    note: 'text',
    'about[]': 'recordRef',
    sha256: 'value',
    'custody[].at': 'timestamp',
    'custody[].by': 'name',
    'custody[].action': 'value',
    'custody[].note': 'text',
  },
  vocabulary: {
    name: 'value',
    'terms[].id': 'value',
    'terms[].labels.en': 'value',
    'terms[].labels.be': 'value',
    'terms[].labels.ru': 'value',
    'terms[].labels.uk': 'value',
    'terms[].parent': 'value',
    'terms[].retired': 'value',
  },
  attachment: {
    recordId: 'recordRef',
    name: 'text',
    mediaType: 'value',
    size: 'value',
    sha256: 'value',
    addedAt: 'timestamp',
    'acquisition.obtainedBy': 'name',
    'acquisition.obtainedOn': 'date',
    'acquisition.method': 'text',
    'acquisition.from': 'name',
    note: 'text',
  },
  custody: {
    fileId: 'recordRef',
    index: 'value',
    action: 'value',
    at: 'timestamp',
    by: 'name',
    purpose: 'text',
    sha256: 'value',
    previous: 'value',
  },
};

export function fieldKind(type: RecordType, path: string): FieldKind {
  return fieldKinds[type][path] ?? 'text';
}

/** Kinds whose removed values the leak check looks for in what was produced. */
export function isLeakCheckedKind(kind: FieldKind): boolean {
  return kind === 'name' || kind === 'official' || kind === 'locality' || kind === 'text';
}
