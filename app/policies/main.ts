export const policies = {
  UserPolicy: () => import('./user_policy.js'),
  GalleryPolicy: () => import('./gallery_policy.js'),
}
