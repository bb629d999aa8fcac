import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Workflow, { type WorkflowTrigger } from '#models/workflow'
import WorkflowRun, { type WorkflowRunStatus } from '#models/workflow_run'
import Inquiry from '#models/inquiry'
import PhotoSession from '#models/photo_session'
import Gallery from '#models/gallery'

type Subject = { type: string; id: string; firedAt: DateTime }

/**
 * Runs for what the seeded records would have triggered: steps whose time has passed are
 * done (a few failed), later ones still pending. Step + subject is the natural key.
 */
export async function seedWorkflowRuns(client: QueryClientContract) {
  const inquiries = await Inquiry.query({ client })
  await runWorkflow(
    client,
    'inquiry.created',
    inquiries.map((inquiry) => ({ type: 'inquiry', id: inquiry.id, firedAt: inquiry.createdAt }))
  )

  const sessions = await PhotoSession.query({ client }).whereNot('status', 'cancelled').orderBy('session_number')
  const booked = sessions.map((session) => ({
    type: 'photo_session',
    id: session.id,
    firedAt: DateTime.min(session.createdAt, session.startsAt.minus({ days: 3 })),
  }))
  await runWorkflow(client, 'session.booked', booked)

  const completed = sessions
    .filter((session) => session.status === 'completed')
    .map((session) => ({
      type: 'photo_session',
      id: session.id,
      firedAt: session.startsAt.plus({ minutes: session.estimatedDuration }),
    }))
  await runWorkflow(client, 'session.completed', completed)

  const galleries = await Gallery.query({ client }).where('status', 'published').whereNotNull('published_at')
  await runWorkflow(
    client,
    'gallery.published',
    galleries.map((gallery) => ({ type: 'gallery', id: gallery.id, firedAt: gallery.publishedAt! }))
  )
}

async function runWorkflow(client: QueryClientContract, trigger: WorkflowTrigger, subjects: Subject[]) {
  const workflow = await Workflow.query({ client })
    .where('trigger', trigger)
    .where('active', true)
    .preload('steps')
    .first()
  if (!workflow) return
  const now = DateTime.now()
  for (const [index, subject] of subjects.entries()) {
    for (const step of workflow.steps) {
      const exists = await WorkflowRun.query({ client })
        .where('workflow_step_id', step.id)
        .where('subject_type', subject.type)
        .where('subject_id', subject.id)
        .first()
      if (exists) continue
      const dueAt = subject.firedAt.plus({ minutes: step.delayMinutes })
      const failed = dueAt <= now && step.action === 'send_email' && index % 23 === 5
      const status: WorkflowRunStatus = dueAt > now ? 'pending' : failed ? 'failed' : 'done'
      await WorkflowRun.create(
        {
          workflowStepId: step.id,
          subjectType: subject.type,
          subjectId: subject.id,
          dueAt,
          status,
          attempts: status === 'pending' ? 0 : failed ? 3 : 1,
          lastError: failed ? 'SMTP 421: service not available, try again later' : null,
          doneAt: status === 'done' ? dueAt.plus({ seconds: 40 }) : null,
          createdAt: DateTime.min(subject.firedAt, now),
        },
        { client }
      )
    }
  }
}
