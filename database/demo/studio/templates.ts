import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import ContractTemplate from '#models/contract_template'
import EmailTemplate from '#models/email_template'

export const SESSION_AGREEMENT = 'Session agreement'
export const MODEL_RELEASE = 'Model release for minors'
export const COMMISSION_AGREEMENT = 'Custom commission agreement'

const CONTRACT_TEMPLATES = [
  {
    name: SESSION_AGREEMENT,
    body: `# Session agreement

This agreement is between **{{studio.name}}** ("the Studio") and **{{client.name}}** ({{client.email}}) ("the Client").

1. **Session.** Session {{session.number}}, the {{package.name}} package, on {{session.date}} at {{session.time}}, for {{children.names}}.
2. **Fees.** The session costs {{session.total}}. A non-refundable deposit of {{session.deposit}} secures the date; the balance of {{session.balance}} is due on the day.
3. **Cancellation.** The Client may cancel or reschedule up to {{studio.cancellation_window_hours}} hours before the session and the deposit carries over once.
4. **Galleries.** Proofs are delivered in a private online gallery, open for {{studio.gallery_days}} days.
5. **Safety.** A parent or guardian stays in the studio for the whole session.`,
  },
  {
    name: MODEL_RELEASE,
    body: `# Model release

I, **{{client.name}}**, parent or legal guardian of {{children.names}}, allow {{studio.name}} to use photographs from session {{session.number}} ({{session.date}}) in its portfolio, on its website and in print.

The Studio will never publish a child's full name, school or location, and removes any image on request within 7 days.`,
  },
  {
    name: COMMISSION_AGREEMENT,
    body: `# Custom commission agreement

{{studio.name}} and **{{client.name}}** agree on the custom piece "{{custom_order.title}}" for {{custom_order.budget}}, paid in milestones held in escrow until each is delivered and approved.`,
  },
]

const EMAIL_TEMPLATES = [
  [
    'inquiry.received',
    'Inquiry received',
    'Thanks for getting in touch, {{client.first_name}}!',
    'We got your message and will reply within one working day.',
  ],
  [
    'inquiry.follow_up',
    'Inquiry follow-up',
    'Still dreaming of a rock-star shoot?',
    'Just checking in: our next free Saturday is {{studio.next_saturday}}. Reply to book it.',
  ],
  [
    'session.booked',
    'Session booked',
    'You are booked: {{session.date}} at {{session.time}}',
    'Session {{session.number}} is confirmed pending your deposit of {{session.deposit}}.',
  ],
  [
    'session.reminder',
    'Session reminder',
    'See you {{session.date}}!',
    'Bring two outfits per child, and arrive 10 minutes early for styling.',
  ],
  [
    'session.thank_you',
    'After the session',
    'Thanks for rocking out with us',
    'Your photographer is editing now. Your gallery arrives within 10 days.',
  ],
  [
    'contract.sent',
    'Contract to sign',
    'Please sign your session agreement',
    'Your agreement for session {{session.number}} is ready to sign: {{contract.url}}',
  ],
  [
    'gallery.published',
    'Gallery published',
    'Your gallery is ready',
    'Open it with access code {{gallery.access_code}} until {{gallery.expires_on}}.',
  ],
  [
    'gallery.expiring',
    'Gallery expiring',
    'Your gallery closes on {{gallery.expires_on}}',
    'Download your favourites or order prints before it closes.',
  ],
  ['order.shipped', 'Order shipped', 'Order {{order.number}} is on its way', 'Tracking: {{order.tracking}}.'],
  ['order.delivered', 'Order delivered', 'How do your prints look?', 'We would love a review: {{review.url}}'],
  [
    'installment.failed',
    'Payment failed',
    'We could not take your payment',
    'Please update your card: {{billing.url}}. We will retry in a few days.',
  ],
] as const

export async function seedTemplates(client: QueryClientContract) {
  for (const template of CONTRACT_TEMPLATES) {
    await ContractTemplate.firstOrCreate({ name: template.name }, { ...template, active: true }, { client })
  }
  for (const [key, name, subject, body] of EMAIL_TEMPLATES) {
    await EmailTemplate.firstOrCreate(
      { key },
      { key, name, subject, body: `Hi {{client.first_name}},\n\n${body}\n\n— {{studio.name}}`, active: true },
      { client }
    )
  }
}
