/** Any path under a locale that no route claims: the root error page shows 404. */
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
