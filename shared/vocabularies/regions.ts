import type { Vocabulary } from '../model';
import { labels, term } from './term';

/**
 * The city of Minsk and the six regions (voblasci) of Belarus. Ids are the ISO 3166-2:BY codes
 * in lower case, so that data exchanged with other tools can be matched without a table.
 * English labels use the Belarusian Latin spellings that Belarusian rights groups publish.
 */
export const regions: Vocabulary = {
  name: 'regions',
  terms: [
    term('by-hm', labels('Minsk (city)', 'Мінск (горад)', 'Минск (город)', 'Мінськ (місто)')),
    term(
      'by-br',
      labels('Brest region', 'Брэсцкая вобласць', 'Брестская область', 'Брестська область'),
    ),
    term(
      'by-ho',
      labels('Homiel region', 'Гомельская вобласць', 'Гомельская область', 'Гомельська область'),
    ),
    term(
      'by-hr',
      labels('Hrodna region', 'Гродзенская вобласць', 'Гродненская область', 'Гродненська область'),
    ),
    term(
      'by-ma',
      labels(
        'Mahilioŭ region',
        'Магілёўская вобласць',
        'Могилёвская область',
        'Могильовська область',
      ),
    ),
    term('by-mi', labels('Minsk region', 'Мінская вобласць', 'Минская область', 'Мінська область')),
    term(
      'by-vi',
      labels('Viciebsk region', 'Віцебская вобласць', 'Витебская область', 'Вітебська область'),
    ),
  ],
};
