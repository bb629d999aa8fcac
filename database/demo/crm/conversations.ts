import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import Conversation from '#models/conversation'
import Message from '#models/message'
import PhotoSession from '#models/photo_session'
import Order from '#models/order'
import { DemoRandom } from '#database/demo/random'
import { familyEmail } from '#database/demo/studio/people'

type Line = ['family' | 'studio', string]
type Thread = { subject: string; about: 'photo_session' | 'order' | null; lines: Line[] }

const THREADS: Thread[] = [
  {
    subject: 'Outfit ideas for the shoot',
    about: 'photo_session',
    lines: [
      ['family', 'Hi! Can the kids bring their own band t-shirts, or do you provide everything?'],
      ['studio', 'Both! We have racks of leather, studs and tutus, but favourite tees make the best photos.'],
      ['family', 'Perfect. Does glitter face paint wash off easily?'],
      ['studio', 'It does, with the wipes we keep at the styling station. Nothing permanent, promise.'],
    ],
  },
  {
    subject: 'Can we move our session?',
    about: 'photo_session',
    lines: [
      ['family', 'Our youngest has a cold. Could we move to the following week?'],
      ['studio', 'Of course, feel better soon! Thursday at 4pm or Saturday at 10am are free.'],
      ['family', 'Saturday at 10 please.'],
    ],
  },
  {
    subject: 'Print sizes for the living room',
    about: 'order',
    lines: [
      ['family', 'Would the 16x20 metal print work above a sofa, or is that too small?'],
      ['studio', 'For a standard sofa we suggest 24x36 canvas or two 16x20 metals side by side.'],
    ],
  },
  {
    subject: 'Grandparents watching',
    about: null,
    lines: [
      ['family', 'Can grandma and grandpa come and watch the session?'],
      ['studio', 'Absolutely, there is a sofa in the viewing lounge and the coffee is free.'],
      ['family', 'They will be thrilled, thank you!'],
      ['studio', 'See you all soon 🤘'],
    ],
  },
  {
    subject: 'Gallery access code',
    about: 'photo_session',
    lines: [
      ['family', 'The access code from the email is not working for me.'],
      ['studio', 'Sorry about that! Codes are case-sensitive; try it in capitals. I have also resent the email.'],
    ],
  },
]

/** Threads between families and the studio; the conversation's customer and subject are its natural key. */
export async function seedConversations(client: QueryClientContract, count: number) {
  const staff = await User.query({ client }).where('email', 'staff@loupe.test').first()
  const emails = ['customer@loupe.test', ...Array.from({ length: count }, (_, i) => familyEmail(i + 1))]

  for (const [index, email] of emails.entries()) {
    const customer = await User.query({ client }).where('email', email).first()
    if (!customer) continue
    const random = new DemoRandom(`conversation-${email}`)
    const thread = THREADS[index % THREADS.length]
    if (await Conversation.query({ client }).where('customer_id', customer.id).where('subject', thread.subject).first())
      continue

    const session = await PhotoSession.query({ client })
      .where('user_id', customer.id)
      .orderBy('starts_at', 'desc')
      .first()
    const order = thread.about === 'order' ? await Order.query({ client }).where('user_id', customer.id).first() : null
    const related = thread.about === 'photo_session' ? session : order
    const studioSender = session?.photographerId && random.chance(0.5) ? session.photographerId : (staff?.id ?? null)

    const conversation = await Conversation.create(
      {
        customerId: customer.id,
        subject: thread.subject,
        relatedType: related ? thread.about : null,
        relatedId: related?.id ?? null,
      },
      { client }
    )
    let at = DateTime.now().minus({ days: random.int(1, 40), hours: random.int(0, 12) })
    for (const [position, [who, body]] of thread.lines.entries()) {
      const last = position === thread.lines.length - 1
      await Message.create(
        {
          conversationId: conversation.id,
          senderId: who === 'family' ? customer.id : studioSender,
          body,
          createdAt: at,
          readAt: last && random.chance(0.6) ? null : at.plus({ minutes: random.int(5, 90) }),
        },
        { client }
      )
      at = DateTime.min(at.plus({ minutes: random.int(20, 600) }), DateTime.now().minus({ minutes: 1 }))
    }
  }
}
