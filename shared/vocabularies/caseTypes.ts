import type { Vocabulary } from '../model';
import { labels, term } from './term';

/** What kind of persecution a case records: the first thing a monthly review counts by. */
export const caseTypes: Vocabulary = {
  name: 'case-types',
  terms: [
    term(
      'criminal-prosecution',
      labels(
        'Criminal prosecution',
        'Крымінальнае пераследаванне',
        'Уголовное преследование',
        'Кримінальне переслідування',
      ),
    ),
    term(
      'administrative-prosecution',
      labels(
        'Administrative prosecution',
        'Адміністрацыйнае пераследаванне',
        'Административное преследование',
        'Адміністративне переслідування',
      ),
    ),
    term('detention', labels('Detention', 'Затрыманне', 'Задержание', 'Затримання')),
    term('search', labels('Search', 'Ператрус', 'Обыск', 'Обшук')),
    term(
      'torture-ill-treatment',
      labels(
        'Torture or ill-treatment',
        'Катаванні або жорсткае абыходжанне',
        'Пытки или жестокое обращение',
        'Катування або жорстоке поводження',
      ),
    ),
    term(
      'death-in-custody',
      labels('Death in custody', 'Смерць пад вартай', 'Смерть под стражей', 'Смерть під вартою'),
    ),
    term(
      'pressure-on-relatives',
      labels(
        'Pressure on relatives',
        'Ціск на сваякоў',
        'Давление на родственников',
        'Тиск на родичів',
      ),
    ),
    term(
      'dismissal',
      labels(
        'Dismissal from work',
        'Звальненне з працы',
        'Увольнение с работы',
        'Звільнення з роботи',
      ),
    ),
    term(
      'trial-in-absentia',
      labels(
        'Trial in absentia (special proceedings)',
        'Завочны суд (спецыяльная вытворчасць)',
        'Заочный суд (специальное производство)',
        'Заочний суд (спеціальне провадження)',
      ),
    ),
    term(
      'listed-as-extremist',
      labels(
        "Inclusion in a list of 'extremists' or 'terrorists'",
        'Уключэнне ў спіс «экстрэмістаў» або «тэрарыстаў»',
        'Включение в список «экстремистов» или «террористов»',
        'Включення до списку «екстремістів» або «терористів»',
      ),
    ),
  ],
};
