import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Transformation from '#models/transformation'
import { UserFactory } from '#database/factories/user_factory'
import { TransformationTypeFactory } from '#database/factories/transformation_type_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'

/** Needs its user and type: `.with('user').with('transformationType')` or the ids. */
export const TransformationFactory = factory
  .define(Transformation, () => ({
    status: 'pending' as const,
    errorMessage: null,
    provider: null,
    pricingTierLocked: 'free',
    charged: 'free' as const,
  }))
  .state('processing', (transformation) => {
    transformation.status = 'processing'
    transformation.provider = 'fake'
    transformation.startedAt = DateTime.now().minus({ seconds: 20 })
  })
  .state('completed', (transformation) => {
    transformation.status = 'completed'
    transformation.provider = 'fake'
    transformation.startedAt = DateTime.now().minus({ minutes: 2 })
    transformation.completedAt = DateTime.now().minus({ minutes: 1 })
  })
  .state('failed', (transformation) => {
    transformation.status = 'failed'
    transformation.provider = 'fake'
    transformation.startedAt = DateTime.now().minus({ minutes: 2 })
    transformation.errorMessage = 'The model refused the image.'
  })
  .state('downloaded', (transformation) => {
    transformation.status = 'completed'
    transformation.completedAt = DateTime.now().minus({ minutes: 30 })
    transformation.downloadedAt = DateTime.now().minus({ minutes: 10 })
    transformation.purgeAfter = DateTime.now().minus({ minutes: 5 })
  })
  .state('paid', (transformation) => {
    transformation.pricingTierLocked = 'pay_per_image'
    transformation.charged = 'paid'
  })
  .state('subscription', (transformation) => {
    transformation.pricingTierLocked = 'monthly'
    transformation.charged = 'subscription'
  })
  .relation('user', () => UserFactory)
  .relation('transformationType', () => TransformationTypeFactory)
  .relation('sourceMedia', () => MediaAssetFactory)
  .relation('resultMedia', () => MediaAssetFactory)
  .build()
