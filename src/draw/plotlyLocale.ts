// Plotly's own texts in Russian: the mode bar's tooltips and the few notices our plots can show.
// plotly.js-dist-min ships no locales, and the separate plotly.js-locales package stops at 3.7 (its
// tooltips are long, too), so these are the strings plotly.js 4.1 asks for on 2-D plots (its 3-D and
// shape-drawing texts left out), in the course's words.
import type { PlotlyModule } from 'plotly.js-dist-min';

type LocaleModule = Extract<PlotlyModule, { moduleType: 'locale' }>;

export const plotlyRu: LocaleModule = {
  moduleType: 'locale',
  name: 'ru',
  dictionary: {
    Autoscale: 'Автомасштаб',
    'Box Select': 'Выделить прямоугольником',
    'Compare data on hover': 'Сравнивать данные при наведении',
    'Double-click on legend to isolate one trace': 'Двойной щелчок по легенде оставит одну линию',
    'Double-click to zoom back out': 'Двойной щелчок вернёт масштаб',
    'Download plot': 'Сохранить график',
    'Download plot as a PNG': 'Сохранить как PNG',
    'Download plot as JSON': 'Сохранить как JSON',
    'Image download succeeded': 'Изображение сохранено',
    'JSON download succeeded': 'JSON сохранён',
    'Lasso Select': 'Выделить лассо',
    Pan: 'Сдвиг',
    'Preparing image - this may take a few seconds': 'Готовим изображение — это может занять несколько секунд',
    Reset: 'Сбросить',
    'Reset axes': 'Сбросить оси',
    'Reset view': 'Сбросить вид',
    'Reset views': 'Сбросить виды',
    'Share chart...': 'Поделиться графиком…',
    'Show closest data on hover': 'Ближайшие данные при наведении',
    'Sorry, there was a problem downloading your image!': 'Не удалось сохранить изображение',
    'Sorry, there was a problem downloading your JSON file!': 'Не удалось сохранить JSON-файл',
    'Toggle Spike Lines': 'Линии-проекции',
    'Toggle show closest data on hover': 'Ближайшие данные при наведении: вкл./выкл.',
    Zoom: 'Увеличить область',
    'Zoom in': 'Приблизить',
    'Zoom out': 'Отдалить',
    trace: 'линия',
  },
  format: {
    days: ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'],
    shortDays: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
    months: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
    shortMonths: ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
    date: '%d.%m.%Y',
    decimal: ',',
    thousands: ' ',
  },
};
