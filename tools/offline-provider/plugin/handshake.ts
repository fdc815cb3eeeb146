/** go-plugin's magic cookie for Terraform providers: a plugin refuses to start without it in its environment. */
export const MAGIC_COOKIE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
