import type { Vocabulary } from '../model';
import { labels, term } from './term';

/** Types of act: one violation against one victim (HURIDOCS "types of acts", adapted). */
export const violationTypes: Vocabulary = {
  name: 'violation-types',
  terms: [
    term(
      'arbitrary-detention',
      labels(
        'Arbitrary detention',
        'Адвольнае затрыманне',
        'Произвольное задержание',
        'Свавільне затримання',
      ),
    ),
    term('torture', labels('Torture', 'Катаванні', 'Пытки', 'Катування')),
    term(
      'ill-treatment',
      labels(
        'Cruel, inhuman or degrading treatment',
        'Жорсткае, бесчалавечнае або зневажальнае абыходжанне',
        'Жестокое, бесчеловечное или унижающее достоинство обращение',
        'Жорстоке, нелюдське або таке, що принижує гідність, поводження',
      ),
    ),
    term(
      'unfair-trial',
      labels('Unfair trial', 'Несправядлівы суд', 'Несправедливый суд', 'Несправедливий суд'),
    ),
    term(
      'denial-of-medical-care',
      labels(
        'Denial of medical care',
        'Адмова ў медыцынскай дапамозе',
        'Отказ в медицинской помощи',
        'Відмова в медичній допомозі',
      ),
    ),
    term(
      'incommunicado-detention',
      labels(
        'Incommunicado detention',
        'Утрыманне інкамунікада',
        'Содержание инкоммуникадо',
        'Утримання інкомунікадо',
      ),
    ),
    term(
      'denial-of-access-to-lawyer',
      labels(
        'Denial of access to a lawyer',
        'Адмова ў доступе да адваката',
        'Отказ в доступе к адвокату',
        'Відмова в доступі до адвоката',
      ),
    ),
    term(
      'arbitrary-deprivation-of-life',
      labels(
        'Arbitrary deprivation of life',
        'Адвольнае пазбаўленне жыцця',
        'Произвольное лишение жизни',
        'Свавільне позбавлення життя',
      ),
    ),
    term(
      'freedom-of-expression',
      labels(
        'Violation of freedom of expression',
        'Парушэнне свабоды выказвання меркаванняў',
        'Нарушение свободы выражения мнений',
        'Порушення свободи вираження поглядів',
      ),
    ),
    term(
      'freedom-of-assembly',
      labels(
        'Violation of freedom of peaceful assembly',
        'Парушэнне свабоды мірных сходаў',
        'Нарушение свободы мирных собраний',
        'Порушення свободи мирних зібрань',
      ),
    ),
    term(
      'freedom-of-association',
      labels(
        'Violation of freedom of association',
        "Парушэнне свабоды аб'яднанняў",
        'Нарушение свободы объединений',
        "Порушення свободи об'єднань",
      ),
    ),
  ],
};
