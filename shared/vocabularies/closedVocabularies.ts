import {
  detentionRegimes,
  involvementRoles,
  releaseReasons,
  sentenceTypes,
  type ClosedVocabularyName,
  type Vocabulary,
} from '../model';
import { closedTerms, labels } from './term';

/**
 * Labels for the values the model fixes. Their ids are the model's own values, so these
 * vocabularies can be relabelled and translated, never extended.
 */

export const roles: Vocabulary = {
  name: 'roles',
  terms: closedTerms(involvementRoles, {
    victim: labels('Victim', 'Пацярпелы', 'Потерпевший', 'Потерпілий'),
    perpetrator: labels(
      'Perpetrator',
      'Выканаўца парушэння',
      'Исполнитель нарушения',
      'Виконавець порушення',
    ),
    witness: labels('Witness', 'Сведка', 'Свидетель', 'Свідок'),
    source: labels(
      'Source of information',
      'Крыніца інфармацыі',
      'Источник информации',
      'Джерело інформації',
    ),
    lawyer: labels('Lawyer', 'Адвакат', 'Адвокат', 'Адвокат'),
    judge: labels('Judge', 'Суддзя', 'Судья', 'Суддя'),
    prosecutor: labels('Prosecutor', 'Пракурор', 'Прокурор', 'Прокурор'),
    investigator: labels('Investigator', 'Следчы', 'Следователь', 'Слідчий'),
  }),
};

export const regimes: Vocabulary = {
  name: 'regimes',
  terms: closedTerms(detentionRegimes, {
    pretrial: labels(
      'Pre-trial detention',
      'Утрыманне пад вартай',
      'Содержание под стражей',
      'Тримання під вартою',
    ),
    administrative_arrest: labels(
      'Administrative arrest',
      'Адміністрацыйны арышт',
      'Административный арест',
      'Адміністративний арешт',
    ),
    colony_settlement: labels(
      'Colony-settlement',
      'Калонія-пасяленне',
      'Колония-поселение',
      'Колонія-поселення',
    ),
    general: labels(
      'General-regime colony',
      'Калонія агульнага рэжыму',
      'Колония общего режима',
      'Колонія загального режиму',
    ),
    reinforced: labels(
      'Reinforced-regime colony',
      'Калонія ўзмоцненага рэжыму',
      'Колония усиленного режима',
      'Колонія посиленого режиму',
    ),
    strict: labels(
      'Strict-regime colony',
      'Калонія строгага рэжыму',
      'Колония строгого режима',
      'Колонія суворого режиму',
    ),
    special: labels(
      'Special-regime colony',
      'Калонія асаблівага рэжыму',
      'Колония особого режима',
      'Колонія особливого режиму',
    ),
    prison: labels('Prison regime', 'Турэмны рэжым', 'Тюремный режим', 'Тюремний режим'),
  }),
};

export const sentenceTypeVocabulary: Vocabulary = {
  name: 'sentence-types',
  terms: closedTerms(sentenceTypes, {
    prison: labels(
      'Deprivation of liberty',
      'Пазбаўленне волі',
      'Лишение свободы',
      'Позбавлення волі',
    ),
    restricted_freedom: labels(
      'Restriction of liberty',
      'Абмежаванне волі',
      'Ограничение свободы',
      'Обмеження волі',
    ),
    fine: labels('Fine', 'Штраф', 'Штраф', 'Штраф'),
    jail: labels(
      'Administrative arrest (days in jail)',
      'Адміністрацыйны арышт (суткі)',
      'Административный арест (сутки)',
      'Адміністративний арешт (доба)',
    ),
    community_service: labels(
      'Community service',
      'Грамадскія работы',
      'Общественные работы',
      'Громадські роботи',
    ),
  }),
};

export const releaseReasonVocabulary: Vocabulary = {
  name: 'release-reasons',
  terms: closedTerms(releaseReasons, {
    served: labels(
      'Sentence served in full',
      'Поўнае адбыццё тэрміну',
      'Полное отбытие срока',
      'Повне відбуття строку',
    ),
    pardon: labels('Pardon', 'Памілаванне', 'Помилование', 'Помилування'),
    amnesty: labels('Amnesty', 'Амністыя', 'Амнистия', 'Амністія'),
    sentence_changed: labels(
      'Sentence replaced by a milder one',
      'Замена пакарання больш мяккім',
      'Замена наказания более мягким',
      "Заміна покарання м'якшим",
    ),
    released_pending_trial: labels(
      'Released pending trial',
      'Вызваленне да суда',
      'Освобождение до суда',
      'Звільнення до суду',
    ),
    death_in_custody: labels(
      'Death in custody',
      'Смерць пад вартай',
      'Смерть под стражей',
      'Смерть під вартою',
    ),
    other: labels('Other', 'Іншае', 'Другое', 'Інше'),
  }),
};

export const closedVocabularies: Record<ClosedVocabularyName, Vocabulary> = {
  roles,
  regimes,
  'sentence-types': sentenceTypeVocabulary,
  'release-reasons': releaseReasonVocabulary,
};
