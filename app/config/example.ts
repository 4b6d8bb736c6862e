/** The smallest useful `.github/havun.yml`, shown with every configuration error. */
export const MINIMAL_EXAMPLE = `version: 1
projects:
  - repo: acme/api
    description: The backend API (Laravel)
  - repo: acme/portal
    description: The customer portal (Vue)
`;
