export const policies = {
  UserPolicy: () => import('./user_policy.js'),
}
