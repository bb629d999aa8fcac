export const policies = {
  UserPolicy: () => import('./user_policy.js'),
  OrderPolicy: () => import('./order_policy.js'),
  GalleryPolicy: () => import('./gallery_policy.js'),
  PhotoSessionPolicy: () => import('./photo_session_policy.js'),
  ChildPolicy: () => import('./child_policy.js'),
  PackagePolicy: () => import('./package_policy.js'),
  StudioPolicy: () => import('./studio_policy.js'),
  KioskPolicy: () => import('./kiosk_policy.js'),
  InvoicePolicy: () => import('./invoice_policy.js'),
  PaymentPolicy: () => import('./payment_policy.js'),
  CataloguePolicy: () => import('./catalogue_policy.js'),
  ModelReleasePolicy: () => import('./model_release_policy.js'),
}
