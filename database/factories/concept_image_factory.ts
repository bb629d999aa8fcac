import factory from '@adonisjs/lucid/factories'
import ConceptImage from '#models/concept_image'
import { UserFactory } from '#database/factories/user_factory'
import { CustomOrderFactory } from '#database/factories/custom_order_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'

/** Needs its customer: `.with('user')` or `userId`. */
export const ConceptImageFactory = factory
  .define(ConceptImage, ({ faker }) => ({
    prompt: `A ${faker.word.adjective()} family portrait in a ${faker.word.noun()} setting, 1970s album-cover style`,
    saved: false,
  }))
  .state('saved', (image) => (image.saved = true))
  .relation('user', () => UserFactory)
  .relation('customOrder', () => CustomOrderFactory)
  .relation('mediaAsset', () => MediaAssetFactory)
  .build()
