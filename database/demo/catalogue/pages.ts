import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Page from '#models/page'
import { DEMO_PACKAGES } from '#database/demo/catalogue/packages'

const dollars = (cents: number) => `$${(cents / 100).toFixed(0)}`

const pricing = DEMO_PACKAGES.map(
  (p) => `| ${p.name} | ${p.durationMinutes} min | up to ${p.maxChildren} | ${p.includedPhotos} | ${dollars(p.basePrice)} |`
).join('\n')

/** The site's content pages, in Markdown. */
const PAGES = [
  {
    slug: 'about',
    title: 'About Loupe',
    seoDescription: 'A rock-star photo studio for kids and the families who cheer them on.',
    body: `# About Loupe

Loupe is a photo studio where kids become rock stars for an afternoon. Our stylists
do the hair and make-up, our wardrobe has the leather jackets and the sparkly boots,
and our photographers know how to get a shy five-year-old to play air guitar.

We shoot on a real stage set with smoke, lights and a wall of instruments, and we
deliver every session in a private online gallery your family can share.`,
  },
  {
    slug: 'faq',
    title: 'Frequently asked questions',
    seoDescription: 'Booking, styling, galleries, prints and payment plans at Loupe.',
    body: `# Frequently asked questions

## What should we bring?
Just your rock star. We have outfits in every size from 2T to teen; bring a favourite
band tee if you like.

## How do we see our photos?
About a week after the session we email you a private gallery link and an access code.
Pick your favourites, download the included photos and order prints from the gallery.

## How long does the gallery stay online?
Galleries stay open for 60 days; we remind you before they expire and can extend them.

## Can we pay in instalments?
Yes: pay in full, or split the session into 2, 3 or 4 monthly payments.

## What if we need to reschedule?
Reschedule for free up to 48 hours before the session.`,
  },
  {
    slug: 'pricing',
    title: 'Sessions and pricing',
    seoDescription: 'Session packages from 30 minutes to a two-hour world tour.',
    body: `# Sessions and pricing

| Package | Length | Children | Edited photos | Price |
| --- | --- | --- | --- | --- |
${pricing}

A 25% deposit holds your date; the balance is due on the day or in monthly payments.
Prints, canvas and metal wall art are ordered from your gallery.`,
  },
  {
    slug: 'contact',
    title: 'Contact us',
    seoDescription: 'Visit, call or write to the Loupe studio.',
    body: `# Contact us

**Loupe Studio**, 12 Amplifier Lane, Portland, OR 97205

- Phone: (503) 555-0142
- Email: hello@loupe.test
- Open Tuesday to Sunday, 9am–6pm

Use the form on this page and we will get back to you within one working day.`,
  },
  {
    slug: 'privacy',
    title: 'Privacy policy',
    seoDescription: 'How Loupe protects your family’s photos and data.',
    body: `# Privacy policy

Your children's photos are private by default. Galleries open only with their access code,
originals are never public, and downloads are logged so you can see who saved what.

We keep your contact details to run your bookings and orders, never sell them, and only
send marketing email if you opt in. Card details are handled by our payment provider and
never touch our servers. Ask us at privacy@loupe.test to export or delete your data.`,
  },
]

export async function seedPages(client: QueryClientContract) {
  for (const page of PAGES) {
    await Page.firstOrCreate(
      { slug: page.slug },
      { ...page, status: 'published', seoTitle: `${page.title} · Loupe` },
      { client }
    )
  }
}
