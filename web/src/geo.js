// Small geodesy and formatting helpers on a spherical earth: enough for dead reckoning over a
// few seconds, drawing rings and corridors, and laying out an injected raid.

export const EARTH_RADIUS_M = 6371008.8;
const DEG = Math.PI / 180;

/** The position `dt` seconds on from (lat, lon) at east/north velocity (ve, vn), in degrees. */
export function deadReckon(lat, lon, ve, vn, dt) {
  const dLat = (vn * dt) / EARTH_RADIUS_M / DEG;
  const dLon = (ve * dt) / (EARTH_RADIUS_M * Math.cos(lat * DEG)) / DEG;
  return [lat + dLat, lon + dLon];
}

/** The point `distanceM` from (lat, lon) along the great circle of initial bearing `bearingDeg`. */
export function destination(lat, lon, bearingDeg, distanceM) {
  const d = distanceM / EARTH_RADIUS_M;
  const b = bearingDeg * DEG;
  const p1 = lat * DEG;
  const l1 = lon * DEG;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [p2 / DEG, ((l2 / DEG + 540) % 360) - 180];
}

/** Great-circle distance in metres between two {lat, lon}. */
export function distanceM(a, b) {
  const dp = (b.lat - a.lat) * DEG;
  const dl = (b.lon - a.lon) * DEG;
  const h = Math.sin(dp / 2) ** 2 + Math.cos(a.lat * DEG) * Math.cos(b.lat * DEG) * Math.sin(dl / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Compass heading in degrees [0, 360) of an east/north velocity. */
export function headingDeg(ve, vn) {
  return ((Math.atan2(ve, vn) / DEG) + 360) % 360;
}

export function groundSpeed(ve, vn) {
  return Math.hypot(ve, vn);
}

/** Web Mercator (EPSG:3857) x, y of a longitude and latitude in degrees. */
export function mercator(lon, lat) {
  const clamped = Math.max(-85.06, Math.min(85.06, lat));
  return [EARTH_RADIUS_WGS84 * lon * DEG, EARTH_RADIUS_WGS84 * Math.log(Math.tan(Math.PI / 4 + (clamped * DEG) / 2))];
}
const EARTH_RADIUS_WGS84 = 6378137; // the sphere of EPSG:3857

/**
 * The outline of a corridor of `widthM` around a polyline of [lat, lon] points, as a closed
 * ring of [lat, lon]: each vertex pushed out along the mean normal of its segments, on a local
 * flat-earth frame (corridors are tens to hundreds of km long).
 */
export function corridorOutline(points, widthM) {
  if (points.length < 2) return [];
  const [lat0, lon0] = points[0];
  const kx = EARTH_RADIUS_M * Math.cos(lat0 * DEG) * DEG;
  const ky = EARTH_RADIUS_M * DEG;
  const xy = points.map(([lat, lon]) => [(lon - lon0) * kx, (lat - lat0) * ky]);
  const half = widthM / 2;
  const normals = xy.map((_, i) => {
    const a = xy[Math.max(0, i - 1)];
    const b = xy[Math.min(xy.length - 1, i + 1)];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    return [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
  });
  const side = (sign) => xy.map(([x, y], i) => [x + sign * half * normals[i][0], y + sign * half * normals[i][1]]);
  const ring = [...side(1), ...side(-1).reverse()];
  ring.push(ring[0]);
  return ring.map(([x, y]) => [lat0 + y / ky, lon0 + x / kx]);
}

/** Simulated seconds as H:MM:SS (negative times are clamped to 0). */
export function formatClock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}`;
}

/** A latitude or longitude as degrees and decimal minutes, e.g. 35°06.00'N. */
export function formatLatLon(lat, lon) {
  const part = (v, pos, neg, width) => {
    const a = Math.abs(v);
    const d = Math.floor(a);
    const m = (a - d) * 60;
    return `${String(d).padStart(width, '0')}°${m.toFixed(2).padStart(5, '0')}'${v >= 0 ? pos : neg}`;
  };
  return `${part(lat, 'N', 'S', 2)} ${part(lon, 'E', 'W', 3)}`;
}
