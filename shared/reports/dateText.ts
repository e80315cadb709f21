import {
  isFuzzyRange,
  precisionOf,
  type CalendarDate,
  type FuzzyDate,
  type FuzzyPoint,
} from '../dates';
import { reportLabel, type ReportLanguage } from './labels';

const monthNames: Readonly<Record<ReportLanguage, readonly string[]>> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  be: [
    'студзень',
    'люты',
    'сакавік',
    'красавік',
    'травень',
    'чэрвень',
    'ліпень',
    'жнівень',
    'верасень',
    'кастрычнік',
    'лістапад',
    'снежань',
  ],
  ru: [
    'январь',
    'февраль',
    'март',
    'апрель',
    'май',
    'июнь',
    'июль',
    'август',
    'сентябрь',
    'октябрь',
    'ноябрь',
    'декабрь',
  ],
  uk: [
    'січень',
    'лютий',
    'березень',
    'квітень',
    'травень',
    'червень',
    'липень',
    'серпень',
    'вересень',
    'жовтень',
    'листопад',
    'грудень',
  ],
};

/**
 * A calendar date as a reader of `lang` writes it: "9 August 2020", "August 2020", "2020" in
 * English; "09.08.2020", "жнівень 2020", "2020" in Belarusian, Russian and Ukrainian (the
 * numeric day needs no case endings). Only as precise as recorded.
 */
export function calendarDateText(date: CalendarDate, lang: ReportLanguage): string {
  const year = date.slice(0, 4);
  switch (precisionOf(date)) {
    case 'year':
      return year;
    case 'month':
      return `${monthNames[lang][Number(date.slice(5, 7)) - 1]} ${year}`;
    case 'day': {
      const day = date.slice(8, 10);
      if (lang !== 'en') return `${day}.${date.slice(5, 7)}.${year}`;
      return `${Number(day)} ${monthNames.en[Number(date.slice(5, 7)) - 1]} ${year}`;
    }
  }
}

function pointText(point: FuzzyPoint, lang: ReportLanguage): string {
  const text = calendarDateText(point.date, lang);
  return point.approximate ? reportLabel(lang, 'value.approximate', { date: text }) : text;
}

/** A fuzzy date in words: "about August 2020", "2020 – March 2021", "since 2021". */
export function fuzzyDateText(date: FuzzyDate, lang: ReportLanguage): string {
  if (!isFuzzyRange(date)) return pointText(date, lang);
  if (date.from && date.to) {
    return reportLabel(lang, 'value.range', {
      from: pointText(date.from, lang),
      to: pointText(date.to, lang),
    });
  }
  if (date.from) return reportLabel(lang, 'value.since', { date: pointText(date.from, lang) });
  if (date.to) return reportLabel(lang, 'value.until', { date: pointText(date.to, lang) });
  return reportLabel(lang, 'value.notRecorded');
}
