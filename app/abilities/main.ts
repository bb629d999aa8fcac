/*
| Area abilities: which roles may enter which part of Loupe. Record-level rules
| live in app/policies/.
*/
import { Bouncer } from '@adonisjs/bouncer'
import type User from '#models/user'

export const enterAdmin = Bouncer.ability((user: User) => user.hasRole('admin'))

export const enterStudio = Bouncer.ability((user: User) => user.hasRole('staff', 'admin'))

export const enterPhotographer = Bouncer.ability((user: User) => user.hasRole('photographer', 'admin'))

export const enterPortal = Bouncer.ability((user: User) => user.hasRole('customer'))

export const manageGalleries = Bouncer.ability((user: User) => user.hasRole('admin', 'photographer'))

/** The studio side of bookings: calendar, sessions, their notes and status. */
export const manageSessions = Bouncer.ability((user: User) => user.hasRole('admin', 'photographer'))

/** The print shop's orders: admins and the front desk (they pack and ship). */
export const manageOrders = Bouncer.ability((user: User) => user.hasRole('admin', 'staff'))
