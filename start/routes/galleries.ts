/*
| Public gallery access (/g) and the family's gallery pages. See the gallery viewer
| (app/services/galleries/gallery_viewer.ts) for who may see what.
*/
export {}
