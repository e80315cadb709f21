import type { Vocabulary } from '../model';
import { labels, term } from './term';

/** How far a source can be trusted, on the plain scale most monitors use. */
export const sourceReliability: Vocabulary = {
  name: 'source-reliability',
  terms: [
    term('high', labels('High', 'Высокая', 'Высокая', 'Висока')),
    term('medium', labels('Medium', 'Сярэдняя', 'Средняя', 'Середня')),
    term('low', labels('Low', 'Нізкая', 'Низкая', 'Низька')),
    term('not-assessed', labels('Not assessed', 'Не ацэнена', 'Не оценена', 'Не оцінена')),
  ],
};
