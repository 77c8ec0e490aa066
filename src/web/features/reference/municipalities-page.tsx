// SPDX-License-Identifier: EUPL-1.2
export default function Placeholder() {
  return null;
}
