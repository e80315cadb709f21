import type { Vocabulary } from '../model';
import { labels, term } from './term';

/**
 * Places where political prisoners are held, grouped by kind. A starting list of well-known
 * facilities, not a complete one: the organisation adds the others as it meets them.
 */
export const facilities: Vocabulary = {
  name: 'facilities',
  terms: [
    term(
      'short-term',
      labels(
        'Temporary detention facilities and offender isolation centres',
        'Ізалятары часовага ўтрымання і цэнтры ізаляцыі правапарушальнікаў',
        'Изоляторы временного содержания и центры изоляции правонарушителей',
        'Ізолятори тимчасового тримання та центри ізоляції правопорушників',
      ),
    ),
    term(
      'akrestsina-minsk',
      labels(
        'Akrestsina Street detention centre, Minsk',
        'Ізалятар на вуліцы Акрэсціна, Мінск',
        'Изолятор на улице Окрестина, Минск',
        'Ізолятор на вулиці Окрестіна, Мінськ',
      ),
      'short-term',
    ),
    term(
      'pretrial',
      labels(
        'Pre-trial detention centres (SIZO)',
        'Следчыя ізалятары (СІЗА)',
        'Следственные изоляторы (СИЗО)',
        'Слідчі ізолятори (СІЗО)',
      ),
    ),
    term(
      'sizo-1-minsk',
      labels(
        'SIZO-1, Minsk (Valadarskaha Street)',
        'СІЗА-1, Мінск (вуліца Валадарскага)',
        'СИЗО-1, Минск (улица Володарского)',
        'СІЗО-1, Мінськ (вулиця Володарського)',
      ),
      'pretrial',
    ),
    term(
      'kgb-sizo-minsk',
      labels(
        'KGB pre-trial detention centre, Minsk ("Amerykanka")',
        'СІЗА КДБ, Мінск («Амерыканка»)',
        'СИЗО КГБ, Минск («Американка»)',
        'СІЗО КДБ, Мінськ («Американка»)',
      ),
      'pretrial',
    ),
    term('prisons', labels('Prisons', 'Турмы', 'Тюрьмы', "В'язниці")),
    term(
      'prison-8-zhodzina',
      labels(
        'Prison No. 8, Žodzina',
        'Турма № 8, Жодзіна',
        'Тюрьма № 8, Жодино',
        "В'язниця № 8, Жодино",
      ),
      'prisons',
    ),
    term(
      'prison-1-hrodna',
      labels(
        'Prison No. 1, Hrodna',
        'Турма № 1, Гродна',
        'Тюрьма № 1, Гродно',
        "В'язниця № 1, Гродно",
      ),
      'prisons',
    ),
    term(
      'prison-4-mahiliou',
      labels(
        'Prison No. 4, Mahilioŭ',
        'Турма № 4, Магілёў',
        'Тюрьма № 4, Могилёв',
        "В'язниця № 4, Могильов",
      ),
      'prisons',
    ),
    term(
      'colonies',
      labels('Penal colonies', 'Папраўчыя калоніі', 'Исправительные колонии', 'Виправні колонії'),
    ),
    term(
      'ik-1-navapolack',
      labels(
        'Penal colony No. 1, Navapolack',
        'Папраўчая калонія № 1, Наваполацк',
        'Исправительная колония № 1, Новополоцк',
        'Виправна колонія № 1, Новополоцьк',
      ),
      'colonies',
    ),
    term(
      'ik-4-homiel',
      labels(
        "Penal colony No. 4, Homiel (women's)",
        'Папраўчая калонія № 4, Гомель (жаночая)',
        'Исправительная колония № 4, Гомель (женская)',
        'Виправна колонія № 4, Гомель (жіноча)',
      ),
      'colonies',
    ),
    term(
      'ik-9-horki',
      labels(
        'Penal colony No. 9, Horki',
        'Папраўчая калонія № 9, Горкі',
        'Исправительная колония № 9, Горки',
        'Виправна колонія № 9, Горки',
      ),
      'colonies',
    ),
    term(
      'ik-24-zarechcha',
      labels(
        "Penal colony No. 24, Zarečča (women's)",
        'Папраўчая калонія № 24, Зарэчча (жаночая)',
        'Исправительная колония № 24, Заречье (женская)',
        'Виправна колонія № 24, Заріччя (жіноча)',
      ),
      'colonies',
    ),
  ],
};
