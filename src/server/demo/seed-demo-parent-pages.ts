// SPDX-License-Identifier: EUPL-1.2
// The demo parent pages of the Drechtsteden coalition (issue 15 item 1): plain-language texts per
// phase in Dutch, English and Arabic, how to arrange maternity care early, national sites, and what
// its local offer means for a parent. The money walk-in's description has no Arabic yet: the page
// shows it in Dutch, marked as Dutch.
import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/connection.js';
import { coalitions } from '../features/coalitions/schema.js';
import { parentPages } from '../features/parent-offer/schema.js';
import { parentContentSchema, type ParentContent } from '../../contracts/parents-public.js';

export const DEMO_PARENT_CONTENT: ParentContent = parentContentSchema.parse({
  blocks: [
    {
      key: 'gezond-zwanger-worden',
      phases: ['kinderwens'],
      heading: { nl: 'Gezond zwanger worden', en: 'Getting pregnant healthily', ar: 'حمل صحي' },
      body: {
        nl: 'Wilt u zwanger worden? Begin dan nu al met foliumzuur. Stop met roken en drinken. Heeft u vragen? Maak een afspraak met uw huisarts of verloskundige. Dat is gratis.',
        en: 'Do you want to get pregnant? Start taking folic acid now. Stop smoking and drinking. Do you have questions? Make an appointment with your GP or midwife. This is free.',
        ar: 'هل تريدين أن تحملي؟ ابدئي الآن بتناول حمض الفوليك. توقفي عن التدخين وشرب الكحول. هل لديك أسئلة؟ حددي موعداً مع طبيب العائلة أو القابلة. هذا مجاني.',
      },
    },
    {
      key: 'verloskundige',
      phases: ['zwanger'],
      heading: { nl: 'Zoek een verloskundige', en: 'Find a midwife', ar: 'ابحثي عن قابلة' },
      body: {
        nl: 'Bent u zwanger? Bel zo snel mogelijk een verloskundige. De controles bij de verloskundige worden vergoed uit de basisverzekering. U betaalt geen eigen risico.',
        en: 'Are you pregnant? Call a midwife as soon as possible. Check-ups with the midwife are covered by your basic health insurance. You do not pay a deductible.',
        ar: 'هل أنتِ حامل؟ اتصلي بقابلة في أسرع وقت ممكن. الفحوصات لدى القابلة يغطيها التأمين الصحي الأساسي. لا تدفعين المخاطرة الذاتية.',
      },
    },
    {
      key: 'kraamzorg',
      phases: ['zwanger'],
      heading: { nl: 'Regel op tijd kraamzorg', en: 'Arrange maternity care in time', ar: 'رتّبي رعاية ما بعد الولادة في الوقت المناسب' },
      body: {
        nl: 'Na de bevalling komt een kraamverzorgende bij u thuis. Meld u aan bij een kraamzorgorganisatie vóór week 20 van uw zwangerschap, of eerder. Uw zorgverzekeraar helpt u daarbij. Kraamzorg wordt vergoed uit de basisverzekering. U betaalt wel een kleine eigen bijdrage per uur. Heeft u weinig geld? Vraag bij de gemeente of u die bijdrage terugkrijgt.',
        en: 'After the birth, a maternity carer comes to your home. Register with a maternity care organisation before week 20 of your pregnancy, or earlier. Your health insurer helps you with this. Maternity care is covered by your basic health insurance. You do pay a small own contribution per hour. Is money tight? Ask the municipality if you can get that contribution back.',
        ar: 'بعد الولادة تأتي مساعدة رعاية الأمومة إلى بيتك. سجلي لدى منظمة رعاية الأمومة قبل الأسبوع العشرين من الحمل، أو قبل ذلك. شركة التأمين الصحي تساعدك في ذلك. يغطي التأمين الأساسي رعاية الأمومة، لكنك تدفعين مساهمة صغيرة عن كل ساعة. هل دخلك قليل؟ اسألي البلدية إن كان بإمكانك استرجاع هذه المساهمة.',
      },
    },
    {
      key: 'consultatiebureau',
      phases: ['baby'],
      heading: { nl: 'Het consultatiebureau', en: 'The child health clinic', ar: 'مركز رعاية الطفل' },
      body: {
        nl: 'Het consultatiebureau kijkt hoe uw baby groeit en zich ontwikkelt. U krijgt ook de vaccinaties. U kunt er al uw vragen stellen. Het is gratis. Na de geboorte krijgt u vanzelf een uitnodiging.',
        en: 'The child health clinic checks how your baby grows and develops. Your baby also gets vaccinations there. You can ask all your questions. It is free. After the birth you will get an invitation automatically.',
        ar: 'يتابع مركز رعاية الطفل نمو طفلك وتطوره. ويحصل طفلك هناك على التطعيمات. يمكنك طرح جميع أسئلتك. الخدمة مجانية. بعد الولادة تصلك دعوة تلقائياً.',
      },
    },
  ],
  links: [
    { url: 'https://www.thuisarts.nl/zwanger-worden', phases: ['kinderwens'], title: { nl: 'Thuisarts.nl: zwanger worden', en: 'Thuisarts.nl: getting pregnant (Dutch)', ar: 'Thuisarts.nl: الحمل (بالهولندية)' } },
    { url: 'https://www.zwangerwijzer.nl', phases: ['kinderwens'], title: { nl: 'ZwangerWijzer: test hoe gezond u zwanger wordt', en: 'ZwangerWijzer: check how healthy your pregnancy start is (Dutch)', ar: 'ZwangerWijzer: اختبري صحة بداية حملك (بالهولندية)' } },
    { url: 'https://www.thuisarts.nl/zwangerschap', phases: ['zwanger'], title: { nl: 'Thuisarts.nl: zwangerschap', en: 'Thuisarts.nl: pregnancy (Dutch)', ar: 'Thuisarts.nl: الحمل (بالهولندية)' } },
    { url: 'https://www.rijksoverheid.nl/onderwerpen/zwangerschap-en-geboorte', phases: ['zwanger', 'baby'], title: { nl: 'Rijksoverheid: zwangerschap en geboorte', en: 'Government of the Netherlands: pregnancy and birth (Dutch)', ar: 'الحكومة الهولندية: الحمل والولادة (بالهولندية)' } },
    { url: 'https://www.rivm.nl/zwangerschapsscreeningen', phases: ['zwanger'], title: { nl: 'RIVM: onderzoeken tijdens de zwangerschap', en: 'RIVM: tests during pregnancy (Dutch)', ar: 'RIVM: الفحوصات أثناء الحمل (بالهولندية)' } },
    { url: 'https://www.opvoeden.nl', phases: ['baby'], title: { nl: 'Opvoeden.nl: vragen over uw baby', en: 'Opvoeden.nl: questions about your baby (Dutch)', ar: 'Opvoeden.nl: أسئلة عن طفلك (بالهولندية)' } },
  ],
  costs: {},
  activityPhases: { 'Inloopspreekuur geldzaken voor (aanstaande) ouders': ['zwanger', 'baby'] },
  descriptions: {
    'prenataal-huisbezoek-jgz': {
      nl: 'Een verpleegkundige van het consultatiebureau komt bij u thuis als u zwanger bent. U praat over hoe het met u gaat en wat u nodig heeft.',
      en: 'A nurse from the child health clinic visits you at home while you are pregnant. You talk about how you are doing and what you need.',
      ar: 'تزورك ممرضة من مركز رعاية الطفل في بيتك أثناء الحمل. تتحدثان عن حالك وما تحتاجينه.',
    },
    'stevig-ouderschap': {
      nl: 'Extra steun van een verpleegkundige in het eerste jaar met uw baby, als u dat wilt.',
      en: 'Extra support from a nurse in the first year with your baby, if you want it.',
      ar: 'دعم إضافي من ممرضة في السنة الأولى مع طفلك، إذا كنتِ ترغبين في ذلك.',
    },
    'Inloopspreekuur geldzaken voor (aanstaande) ouders': {
      nl: 'Zorgen over geld? Loop binnen bij het wijkteam. U hoeft geen afspraak te maken.',
      en: 'Worried about money? Walk in at the neighbourhood team. You do not need an appointment.',
    },
  },
});

export const DEMO_PARENT_PAGES_REVIEWED_ON = '2026-11-20';

export async function seedDemoParentPages(tx: Executor, coalitionCode: string, now: Date): Promise<void> {
  const [coalition] = await tx.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.code, coalitionCode));
  if (!coalition) return;
  await tx
    .insert(parentPages)
    .values({ coalitionId: coalition.id, content: DEMO_PARENT_CONTENT, reviewedOn: DEMO_PARENT_PAGES_REVIEWED_ON, updatedAt: now })
    .onConflictDoNothing();
}
