/*
| Downloads: single photos behind 5-minute signed URLs, and streamed ZIPs.
*/
export {}
