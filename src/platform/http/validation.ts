// Turns JSON Schema (ajv) failures into field errors a resident or developer can act on, in Japanese.
import type { FieldError } from './errors.ts';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const typeNames: Record<string, string> = {
  string: '文字列',
  integer: '整数',
  number: '数値',
  boolean: '真偽値',
  object: 'オブジェクト',
  array: '配列',
  null: 'null',
};

function describe(error: AjvError): string {
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return '必須の項目です。';
    case 'type':
      return `${typeNames[String(p.type)] ?? String(p.type)}で指定してください。`;
    case 'format':
      return `形式が正しくありません（${String(p.format)}）。`;
    case 'minLength':
      return `${String(p.limit)}文字以上で入力してください。`;
    case 'maxLength':
      return `${String(p.limit)}文字以内で入力してください。`;
    case 'minimum':
      return `${String(p.limit)}以上の値にしてください。`;
    case 'maximum':
      return `${String(p.limit)}以下の値にしてください。`;
    case 'pattern':
      return '形式が正しくありません。';
    case 'enum':
      return `次のいずれかを指定してください: ${(p.allowedValues as unknown[]).join(', ')}。`;
    case 'additionalProperties':
      return `項目「${String(p.additionalProperty)}」は指定できません。`;
    case 'minItems':
      return `${String(p.limit)}件以上指定してください。`;
    case 'maxItems':
      return `${String(p.limit)}件以内で指定してください。`;
    default:
      return '値が正しくありません。';
  }
}

export function fieldErrorsFromAjv(errors: AjvError[], context: string | undefined): FieldError[] {
  return errors.map((error) => {
    let field = error.instancePath.replace(/^\//, '');
    if (error.keyword === 'required') field = [field, String(error.params.missingProperty)].filter(Boolean).join('/');
    if (error.keyword === 'additionalProperties') {
      field = [field, String(error.params.additionalProperty)].filter(Boolean).join('/');
    }
    return { field: field || (context ?? 'body'), message: describe(error) };
  });
}
