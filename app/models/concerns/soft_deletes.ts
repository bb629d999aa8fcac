import { DateTime } from 'luxon'
import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import { BaseModel, beforeFetch, beforeFind, beforePaginate, column } from '@adonisjs/lucid/orm'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'

const WITH_TRASHED = Symbol('withTrashed')

type Query = ModelQueryBuilderContract<any> & { [WITH_TRASHED]?: boolean }

/**
 * Soft deletes: rows with `deleted_at` set are hidden from every query unless the
 * query opts in with `withTrashed(query)`. `softDelete()` / `restore()` flip the column.
 */
export function SoftDeletes<Model extends NormalizeConstructor<typeof BaseModel>>(superclass: Model) {
  class WithSoftDeletes extends superclass {
    @column.dateTime()
    declare deletedAt: DateTime | null

    @beforeFind()
    @beforeFetch()
    static hideTrashed(query: Query) {
      if (!query[WITH_TRASHED]) query.whereNull(`${query.model.table}.deleted_at`)
    }

    @beforePaginate()
    static hideTrashedOnPaginate([countQuery, query]: [Query, Query]) {
      if (!query[WITH_TRASHED]) {
        countQuery.whereNull(`${query.model.table}.deleted_at`)
        query.whereNull(`${query.model.table}.deleted_at`)
      }
    }

    get isTrashed() {
      return this.deletedAt !== null && this.deletedAt !== undefined
    }

    async softDelete() {
      this.deletedAt = DateTime.now()
      await this.save()
    }

    async restore() {
      this.deletedAt = null
      await this.save()
    }
  }
  return WithSoftDeletes
}

/** Include soft-deleted rows in this query. */
export function withTrashed<Q extends ModelQueryBuilderContract<any>>(query: Q): Q {
  ;(query as Query)[WITH_TRASHED] = true
  return query
}
