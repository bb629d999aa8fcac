import User from '#models/user'

export interface UserSearch {
  q?: string
  role?: string
  sort?: 'name' | 'email' | 'role' | 'created_at'
  direction?: 'asc' | 'desc'
  page?: number
}

const SORT_COLUMNS = { name: 'first_name', email: 'email', role: 'role', created_at: 'created_at' }

/** The admin users list: search by name, email or phone, filter by role, sort, paginate. */
export default class SearchUsers {
  static async handle(search: UserSearch, perPage = 25) {
    const query = User.query().whereNull('deletedAt')
    if (search.q) {
      const term = `%${search.q.toLowerCase()}%`
      query.where((where) => {
        where
          .whereRaw('lower(email) like ?', [term])
          .orWhereRaw('lower(first_name) like ?', [term])
          .orWhereRaw('lower(last_name) like ?', [term])
          .orWhere('phone', 'like', term)
      })
    }
    if (search.role) query.where('role', search.role)
    query.orderBy(SORT_COLUMNS[search.sort ?? 'created_at'], search.direction ?? (search.sort ? 'asc' : 'desc'))
    return query.orderBy('id').paginate(search.page ?? 1, perPage)
  }
}
