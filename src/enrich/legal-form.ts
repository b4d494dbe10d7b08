/** The legal form closing a company's name (`Inc`, `Corp`, `Ltd`, `Plc`, `AG`), as a whole word. */
export const legalForm = /^(?:Inc|Incorporated|Corp|Corporation|Co|Cos|Company|Ltd|Limited|Plc|PLC|LLC|AG|SA|NV|BV|SpA|GmbH|KGaA|AB|ASA|Bhd|Pty)\.?$/u;
