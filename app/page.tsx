import { redirect } from "next/navigation";
import { getCurrentUser, homeFor } from "@/lib/auth/guards";
import { paths } from "@/lib/paths";

export default async function HomePage() {
  const user = await getCurrentUser();
  redirect(user ? homeFor(user.role) : paths.signIn);
}
