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
