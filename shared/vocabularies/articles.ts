import type { TermLabels, Vocabulary } from '../model';
import { labels, term } from './term';

/**
 * Articles of the codes under which people are prosecuted for political reasons: the Criminal
 * Code of 1999 (`cc-`) and the Code of Administrative Offences of 2021 (`coao-`), as in force
 * after the 2021 amendments. Titles are shortened from the official Russian wording. Each
 * article is a child of its code, so statistics can count "criminal" and "administrative".
 *
 * Art. 423-1 of the Criminal Code is listed by number only: its title could not be verified
 * when these defaults were written, and a wrong title in a published report is worse than
 * none. The organisation should add it (docs/model.md, "Vocabularies").
 */
function article(
  code: 'cc' | 'coao',
  number: string,
  en: string,
  be: string,
  ru: string,
  uk: string,
) {
  const prefix: Record<typeof code, TermLabels> = {
    cc: labels(`Art. ${number} CC`, `Арт. ${number} КК`, `Ст. ${number} УК`, `Ст. ${number} КК`),
    coao: labels(
      `Art. ${number} CoAO`,
      `Арт. ${number} КаАП`,
      `Ст. ${number} КоАП`,
      `Ст. ${number} КпАП`,
    ),
  };
  const p = prefix[code];
  const titled = (short: string, title: string) => (title ? `${short}: ${title}` : short);
  return term(
    `${code}-${number}`,
    labels(titled(p.en, en), titled(p.be!, be), titled(p.ru!, ru), titled(p.uk!, uk)),
    code,
  );
}

export const articles: Vocabulary = {
  name: 'articles',
  terms: [
    term(
      'cc',
      labels(
        'Criminal Code of the Republic of Belarus',
        'Крымінальны кодэкс Рэспублікі Беларусь',
        'Уголовный кодекс Республики Беларусь',
        'Кримінальний кодекс Республіки Білорусь',
      ),
    ),
    article(
      'cc',
      '130',
      'incitement of racial, national, religious or other social hatred or discord',
      'распальванне расавай, нацыянальнай, рэлігійнай або іншай сацыяльнай варожасці або розні',
      'разжигание расовой, национальной, религиозной либо иной социальной вражды или розни',
      'розпалювання расової, національної, релігійної або іншої соціальної ворожнечі чи розбрату',
    ),
    article(
      'cc',
      '293',
      'mass riots',
      'масавыя беспарадкі',
      'массовые беспорядки',
      'масові заворушення',
    ),
    article(
      'cc',
      '342',
      'organising or preparing actions that grossly violate public order, or actively taking part in them',
      'арганізацыя і падрыхтоўка дзеянняў, якія груба парушаюць грамадскі парадак, або актыўны ўдзел у іх',
      'организация и подготовка действий, грубо нарушающих общественный порядок, либо активное участие в них',
      'організація та підготовка дій, що грубо порушують громадський порядок, або активна участь у них',
    ),
    article(
      'cc',
      '361-1',
      'creating an extremist formation or taking part in one',
      'стварэнне экстрэмісцкага фарміравання або ўдзел у ім',
      'создание экстремистского формирования либо участие в нем',
      'створення екстремістського формування або участь у ньому',
    ),
    article(
      'cc',
      '361-4',
      'facilitating extremist activity',
      'садзейнічанне экстрэмісцкай дзейнасці',
      'содействие экстремистской деятельности',
      'сприяння екстремістській діяльності',
    ),
    article(
      'cc',
      '367',
      'defamation of the President of the Republic of Belarus',
      'паклёп у дачыненні да Прэзідэнта Рэспублікі Беларусь',
      'клевета в отношении Президента Республики Беларусь',
      'наклеп щодо Президента Республіки Білорусь',
    ),
    article(
      'cc',
      '368',
      'insulting the President of the Republic of Belarus',
      'абраза Прэзідэнта Рэспублікі Беларусь',
      'оскорбление Президента Республики Беларусь',
      'образа Президента Республіки Білорусь',
    ),
    article(
      'cc',
      '369',
      'insulting a representative of the authorities',
      'абраза прадстаўніка ўлады',
      'оскорбление представителя власти',
      'образа представника влади',
    ),
    article(
      'cc',
      '411',
      'malicious disobedience to the administration of a correctional institution',
      'злоснае непадпарадкаванне патрабаванням адміністрацыі папраўчай установы',
      'злостное неповиновение требованиям администрации исправительного учреждения',
      'злісна непокора вимогам адміністрації виправної установи',
    ),
    article('cc', '423-1', '', '', '', ''),
    term(
      'coao',
      labels(
        'Code of Administrative Offences of the Republic of Belarus',
        'Кодэкс Рэспублікі Беларусь аб адміністрацыйных правапарушэннях',
        'Кодекс Республики Беларусь об административных правонарушениях',
        'Кодекс Республіки Білорусь про адміністративні правопорушення',
      ),
    ),
    article(
      'coao',
      '19.11',
      'distributing, making, keeping or transporting information products that call for or promote extremist activity',
      'распаўсюджванне, выраб, захоўванне, перавозка інфармацыйнай прадукцыі, якая змяшчае заклікі да экстрэмісцкай дзейнасці або прапагандуе такую дзейнасць',
      'распространение, изготовление, хранение, перевозка информационной продукции, содержащей призывы к экстремистской деятельности или пропагандирующей такую деятельность',
      'поширення, виготовлення, зберігання, перевезення інформаційної продукції, що містить заклики до екстремістської діяльності або пропагує таку діяльність',
    ),
    article(
      'coao',
      '24.3',
      'disobeying a lawful order or demand of an official',
      'непадпарадкаванне законнаму распараджэнню або патрабаванню службовай асобы',
      'неповиновение законному распоряжению или требованию должностного лица',
      'непокора законному розпорядженню або вимозі посадової особи',
    ),
    article(
      'coao',
      '24.23',
      'violating the procedure for organising or holding mass events',
      'парушэнне парадку арганізацыі або правядзення масавых мерапрыемстваў',
      'нарушение порядка организации или проведения массовых мероприятий',
      'порушення порядку організації або проведення масових заходів',
    ),
  ],
};
