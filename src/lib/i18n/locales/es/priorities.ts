// Spanish words for beat priorities, their pages and feeds, and meeting reports.

export const priorities = {
  sara: { scanning: 'Identificación', analysis: 'Análisis', response: 'Respuesta', assessment: 'Evaluación' },
};
