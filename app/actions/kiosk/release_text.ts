import ContractTemplate, { type MergeValues } from '#models/contract_template'
import type Child from '#models/child'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'

/**
 * The model release's text comes from the studio's contract templates: the oldest active
 * template whose name says "release" (the demo's is "Model release for minors").
 */
export function releaseTemplate() {
  return ContractTemplate.query().where('active', true).whereRaw("LOWER(name) LIKE '%release%'").orderBy('created_at', 'asc').first()
}

/** Merge values for one child's release (the session needs user, package and children loaded). */
export function releaseMergeValues(session: PhotoSession, child: Child, settings: StudioSetting): MergeValues {
  const local = session.startsAt.setZone(settings.timezone)
  return {
    'studio.name': settings.name,
    'client.name': session.user.fullName,
    'client.email': session.user.email,
    'session.number': session.sessionNumber,
    'session.date': local.toFormat('cccc d LLLL yyyy'),
    'session.time': local.toFormat('h:mm a'),
    'package.name': session.package?.name,
    'children.names': child.firstName,
    'child.name': child.firstName,
  }
}

/**
 * What the parent reads before signing: for each child on the session, the release text
 * rendered for them, or the release already signed. Null when the studio has no template.
 */
export async function releaseSheet(sessionId: string) {
  const session = await PhotoSession.query()
    .where('id', sessionId)
    .preload('user')
    .preload('package')
    .preload('children', (children) => children.orderBy('first_name'))
    .preload('modelReleases')
    .firstOrFail()
  const [template, settings] = await Promise.all([releaseTemplate(), StudioSetting.current()])
  const items = session.children.map((child) => ({
    child,
    release: session.modelReleases.find((release) => release.childId === child.id) ?? null,
    body: template ? template.render(releaseMergeValues(session, child, settings)) : '',
  }))
  return { session, template, items, unsigned: items.filter((item) => !item.release) }
}
