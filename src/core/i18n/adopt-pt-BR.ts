// Os textos do `adopt` e do `doctor` em português do Brasil. Mesmas chaves de adopt-en.ts: o tipo AdoptMessages
// faz o `tsc` falhar se faltar (ou sobrar) uma chave. Código, opções, nomes da API do Airflow e nomes de arquivo
// ficam como estão: são a interface.
import type { AdoptMessages } from './adopt-en.js';

export const adoptPtBR: AdoptMessages = {
  // doctor: cada problema tem arquivo, linha, por que importa e a correção
  'doctor.finding': '{where}: {why}\n    correção: {fix}',
  'doctor.none': 'doctor: nenhum problema conhecido encontrado.',
  'doctor.summary': 'doctor: {findings} em {files}; nada foi alterado.',
  'doctor.findings.one': '1 problema',
  'doctor.findings.many': '{count} problemas',
  'doctor.files.one': '1 arquivo',
  'doctor.files.many': '{count} arquivos',
  'doctor.baseEndOfLife': 'a imagem base {base} está fora de suporte ({reasons}): não recebe mais correções de segurança',
  'doctor.baseEndOfLife.python': 'Python {version}',
  'doctor.baseEndOfLife.debian': 'Debian {codename} desde {date}',
  'doctor.baseEndOfLife.fix': 'comece com FROM python:3.12-slim (ou `ARG PYTHON_VERSION=3.12` + `FROM python:${PYTHON_VERSION}-slim`)',
  'doctor.envWithoutArg': 'o ENV {name} usa ${arg}, que nenhum ARG declara antes dele: a imagem fica com um valor vazio',
  'doctor.envWithoutArg.fix': 'declare antes: `ARG {arg}=<padrão>` e depois `ENV {name}=${{arg}}` (ou dê um valor literal ao ENV)',
  'doctor.pipNoCache':
    'o pip não tem a opção --no-cache (na melhor das hipóteses ela é lida como abreviação); o cache de download pode ficar na imagem',
  'doctor.pipNoCache.fix': 'use `pip install --no-cache-dir -r requirements.txt`',
  'doctor.recursiveChown':
    'um chown recursivo numa camada própria copia de novo todos os arquivos da aplicação (a imagem guarda tudo duas vezes) e roda de novo a cada mudança no código',
  'doctor.recursiveChown.fix': 'crie o usuário primeiro e depois use `COPY --chown=appuser:appuser {podsDir}/ /app/`',
  'doctor.copyBeforeUser':
    'os arquivos da aplicação são copiados antes de o usuário existir; por isso precisam de uma camada de chown, e qualquer mudança num script refaz a criação do usuário',
  'doctor.copyBeforeUser.fix': 'crie o usuário antes de copiar e copie com `COPY --chown=appuser:appuser`',
  'doctor.crlf': 'fim de linha do Windows (CRLF): o kernel procura "bash\\r" e o contêiner não sobe',
  'doctor.crlf.fix': "converta para LF (`sed -i 's/\\r$//' {file}`) e acrescente `*.sh text eol=lf` ao .gitattributes",
  'doctor.noSetE': 'falta `set -e`: um comando que falha não interrompe o script, e uma execução quebrada pode parecer sucesso',
  'doctor.noSetE.fix': 'acrescente `set -euo pipefail` logo depois do shebang',
  'doctor.noExec': 'o python roda como processo filho do shell: os sinais do Kubernetes chegam ao bash, não ao script',
  'doctor.noExec.fix': 'comece a linha com exec: `exec {line}`',
  'doctor.unquoted': '${name} está sem aspas: espaços ou caracteres curinga no valor o quebram em várias palavras',
  'doctor.unquoted.fix': 'escreva "${name}" (entre aspas duplas)',
  'doctor.misplaced.fix': 'remova a linha (o `pod-ingestion adopt --prune` faz isso)',
  'doctor.freeze': '{count} versões fixadas: parece um `pip freeze` de um ambiente inteiro, e não o que os pods importam',
  'doctor.freeze.fix':
    'liste só os pacotes que os scripts dos pods importam (com versão fixada) e deixe o pip resolver as dependências deles',
  'doctor.badImage.fix': 'use {suggestion} (tudo em minúsculas)',
  'doctor.yoRcNotJson': 'o arquivo não é um JSON válido: os subcomandos não conseguem ler o projeto',
  'doctor.yoRcNotJson.fix': 'corrija o JSON ou rode de novo o `pod-ingestion adopt`',
  'doctor.podsDir': 'podsDir {value}: {rule}; o Dockerfile, o .dockerignore e os subcomandos usam o valor como está',
  'doctor.podsDir.notString': 'precisa ser uma string',
  'doctor.podsDir.fix':
    'indique a pasta dos scripts como caminho relativo (`"podsDir": "scripts"`) ou rode de novo `pod-ingestion adopt --pods-dir PASTA`',
  'doctor.podsDirMissing':
    'a pasta dos scripts não existe: o `docker build` falha no COPY de {podsDir}/, e os pods {pods} ficam sem script para rodar',
  'doctor.podsDirMissing.fix': 'restaure a pasta ou aponte o "podsDir" do .yo-rc.json para a pasta onde os scripts estão agora',
  'doctor.scriptMissing': 'o pod {name} está sem script: a imagem não vai ter o {name}.py, e a tarefa dele falha logo ao começar',
  'doctor.scriptMissing.fix': 'restaure o {path} ou remova o pod com `pod-ingestion remove {name}`',

  // doctor: APIs do Airflow que uma DAG não pode mais usar
  'doctor.dag.kubernetesPod':
    'o módulo airflow.providers.cncf.kubernetes.operators.kubernetes_pod foi removido no provider 10.0.0: a DAG não carrega mais',
  'doctor.dag.contrib': 'o airflow.contrib foi removido no Airflow 2.0',
  'doctor.dag.importPod.fix': 'importe o KubernetesPodOperator de airflow.providers.cncf.kubernetes.operators.pod',
  'doctor.dag.secret': 'o airflow.kubernetes.secret foi removido',
  'doctor.dag.secret.fix': 'importe o Secret de airflow.providers.cncf.kubernetes.secret',
  'doctor.dag.deleteOperatorPod':
    'o is_delete_operator_pod é ignorado desde o provider 10.0.0: os pods deixaram de ser apagados como ele indica',
  'doctor.dag.deleteOperatorPod.fix': 'use on_finish_action="delete_pod" (ou "delete_succeeded_pod", "keep_pod")',
  'doctor.dag.daysAgo':
    'o airflow.utils.dates.days_ago foi removido no Airflow 3.0 (e um start_date que muda a cada dia confunde o scheduler)',
  'doctor.dag.daysAgo.fix': 'use um start_date fixo, como start_date=datetime(2026, 1, 1)',
  'doctor.dag.scheduleInterval': 'o schedule_interval foi removido no Airflow 3.0',
  'doctor.dag.scheduleInterval.fix': 'use schedule=',
  'doctor.dag.timetable': 'o timetable= foi removido no Airflow 3.0',
  'doctor.dag.timetable.fix': 'passe o timetable em schedule=',
  'doctor.dag.dummy': 'o DummyOperator foi removido',
  'doctor.dag.dummy.fix': 'use o EmptyOperator, ou ligue diretamente as tarefas vizinhas',
  'doctor.dag.progressCallback': 'o progress_callback foi substituído por callbacks',
  'doctor.dag.progressCallback.fix': 'use callbacks=',

  // Pacotes que não pertencem à imagem de um pod
  'misplaced.airflow':
    'o Airflow e os providers dele executam a DAG, não os pods: acrescentam centenas de MB à imagem e conflitos de versão',
  'misplaced.jupyter': 'as ferramentas do Jupyter/IPython servem para notebooks; um pod executa um script',
  'misplaced.debugger': 'um depurador não tem utilidade num pod que roda sem ninguém acompanhando',
  'misplaced.platform': 'pacote só para macOS ou Windows: o pip não consegue instalá-lo na imagem Linux, ou ele vira peso morto lá',

  // O que o python/read_dag.py não conseguiu acompanhar na DAG antiga
  'read.taskFunction': 'uma função @task ({name}): só tarefas KubernetesPodOperator são migradas',
  'read.otherOperator':
    'uma tarefa {operator}: só tarefas KubernetesPodOperator são migradas (operadores Dummy/Empty viram ligações diretas)',
  'read.dependency': 'uma dependência de {source}, que não é uma tarefa que este leitor consiga acompanhar',
  'read.loop': 'uma tarefa criada num laço: escreva cada tarefa por extenso, ou acrescente-as com `pod-ingestion pod`',
  'read.syntax': '{file}:{line}: o arquivo não é Python válido ({message})',
  'read.unreadable': '{file}: não foi possível ler o arquivo ({message})',
  'read.noPython':
    'o adopt lê a DAG antiga com o parser do próprio Python e precisa do {python} no PATH, que não foi encontrado; instale o Python 3 (por exemplo apt-get install python3) ou rode o adopt sem DAG',
  'read.failed': 'o read_dag.py falhou: {stderr}',

  // adopt: a DAG antiga convertida no modelo, linha a linha
  'adopt.importFrom': 'import de {module} -> {target}',
  'adopt.import.pod': 'airflow.providers.cncf.kubernetes.operators.pod (o módulo antigo foi removido no provider 10.0.0)',
  'adopt.import.dummy': 'nada: as tarefas Dummy viram ligações diretas',
  'adopt.import.dates': 'nada: o days_ago foi removido no Airflow 3.0; a data de início passa a ser fixa',
  'adopt.daysAgo':
    'start_date=days_ago({days}) -> o start_date fixo {date} (o days_ago foi removido no Airflow 3.0; uma data de início que muda confunde o scheduler)',
  'adopt.dagCount': '{count} definições de DAG num só arquivo; o adopt aceita um arquivo com uma única DAG',
  'adopt.defaultArgsNotDict': 'não dá para ler default_args={value} como um dict',
  'adopt.defaultArgsDagLevel': 'default_args["{key}"] é um argumento da DAG (o Airflow o ignora em default_args) -> DAG({key}=...)',
  'adopt.defaultArgsCallback': 'default_args["{key}"]: callbacks não são migrados; acrescente-o de novo fora dos blocos gerenciados',
  'adopt.defaultArgsNotConstant': 'default_args["{key}"]={value} não é uma constante',
  'adopt.dagIdMissing': 'falta o id da DAG',
  'adopt.dagIdNotConstant': 'o id da DAG {value} não é uma constante',
  'adopt.scheduleInterval': 'schedule_interval -> schedule (o schedule_interval foi removido no Airflow 3.0)',
  'adopt.scheduleNotString': 'o schedule {value} não é um preset nem uma expressão cron',
  'adopt.startDateNotFixed': 'start_date={value} não é uma data fixa',
  'adopt.tagsNotStrings': 'tags={value} não é uma lista de strings',
  'adopt.catchupNotBoolean': 'catchup={value} não é True nem False',
  'adopt.dagArgNotCarried': 'DAG({key}={value}) fica de fora',
  'adopt.emptyTask': '{operator}(task_id="{taskId}") -> ligações diretas entre as tarefas vizinhas',
  'adopt.dummyTask': '{operator}(task_id="{taskId}") -> ligações diretas entre as tarefas vizinhas (o DummyOperator foi removido)',
  'adopt.sharedDiffers': '{key} vale {value} aqui, mas {earlier} na linha {line}; o projeto tem um único {key} para todas as tarefas',
  'adopt.twinTask': 'a tarefa {task} executa {script}.py, assim como a tarefa {twin}; o projeto tem uma tarefa por script',
  'adopt.retryDelay': 'retry_delay={value} não é um número inteiro de minutos',
  'adopt.taskIdNotConstant': 'um {operator} cujo task_id não é uma constante',
  'adopt.task': 'tarefa {taskId}',
  'adopt.positional': '{where}: argumentos posicionais ficam de fora',
  'adopt.taskArgNotCarried': '{where}: {key}={value} fica de fora',
  'adopt.envMissing': '{where}: falta o env_vars, então não dá para ler o PRG_NAME',
  'adopt.envNotDict': '{where}: env_vars ={value} não é um dict, então não dá para ler o PRG_NAME',
  'adopt.prgNameUnset': '{where}: o PRG_NAME não está definido',
  'adopt.prgNameNotConstant': '{where}: o PRG_NAME é {value}, que não é uma constante',
  'adopt.variable': '{where}: {key} lia Variable.get("{variable}") a cada parse do arquivo -> {template}, lido quando a tarefa roda',
  'adopt.envToString': '{where}: {key}={value} -> a string "{text}" (no Kubernetes, os valores de env são strings)',
  'adopt.envNotEvaluable': '{where}: não dá para avaliar o env {key}={value} sem executar a DAG',
  'adopt.cmds': '{where}: cmds={value}; a imagem executa /run_in_docker.sh',
  'adopt.getLogs': '{where}: get_logs=False; a nova DAG mostra o log do pod no Airflow',
  'adopt.imageMissing': '{where}: falta a image',
  'adopt.imageNotConstant': '{where}: image ={value} não é uma constante',
  'adopt.argNotConstant': '{where}: {key}={value} não é uma constante',
  'adopt.inCluster': '{where}: in_cluster=False sem kubernetes_conn_id; a nova DAG precisa de um id de conexão (--kubernetes-conn-id)',
  'adopt.deleteOperatorPod': '{where}: is_delete_operator_pod={value} (ignorado desde o provider 10.0.0) -> on_finish_action="{action}"',
  'adopt.pullSecrets': '{where}: image_pull_secrets={value} não é um único V1LocalObjectReference',
  'adopt.resources': '{where}: container_resources={value} não é V1ResourceRequirements(requests=..., limits=...)',
  'adopt.resourcesGroup': '{where}: container_resources {group} tem mais do que cpu e memory',
  'adopt.volumesNotLists': '{where}: volumes/volume_mounts não são listas',
  'adopt.volumeNotSecret': '{where}: o volume {value} não é um volume simples de secret; só volumes de secret são migrados',
  'adopt.mountNotSecret': '{where}: o mount {value} não é uma montagem somente leitura de um volume de secret',
  'adopt.secretsNotList': '{where}: secrets= não é uma lista',
  'adopt.secretNotVolume':
    '{where}: {value} não é um secret inteiro montado como volume (secrets em variáveis de ambiente e chaves avulsas ficam de fora)',

  // adopt: o plano, as recusas e o relatório
  'adopt.unsupported.one': '{path} tem uma parte que o adopt não consegue migrar para a nova DAG:',
  'adopt.unsupported.many': '{path} tem {count} partes que o adopt não consegue migrar para a nova DAG:',
  'adopt.unsupported.refusal':
    'Nada foi gravado: {listing}\nAltere a DAG antiga ou rode de novo com --skip-unsupported para adotar sem essas partes (elas aparecem no relatório; acrescente-as de volta fora dos blocos gerenciados).',
  'adopt.askSkip': 'Adotar sem elas? Elas ficam fora da nova DAG e aparecem no relatório',
  'adopt.declined': 'Nada foi gravado: altere a DAG antiga ou adote sem essas partes (responda sim, ou use --skip-unsupported).',
  'adopt.notCarried': 'fica de fora: {where}: {text}',
  'adopt.scriptMissing': 'o PRG_NAME aponta para {script}.py, que não está em {folder}/ (scripts: {scripts})',
  'adopt.noScripts': 'nenhum',
  'adopt.noPodScript':
    'nenhum script de pod encontrado: a DAG antiga não cita nenhum, e nenhum script em {folder}/ tem o bloco `if __name__ == "__main__":`',
  'adopt.pythonChanged': 'o Dockerfile gerado usa Python {python} (o seu usa {yours}); confira se os scripts rodam nessa versão',
  'adopt.pythonChangedEndOfLife':
    'o Dockerfile gerado usa Python {python} (o seu usa {yours}, que está fora de suporte); confira se os scripts rodam nessa versão',
  'adopt.noNamespace': 'a DAG antiga não indica namespace; a nova roda os pods em {namespace} (use --namespace para mudar)',
  'adopt.paramDefaultForm': 'um --param-default tem a forma NOME=VALOR',
  'adopt.paramDefaultUnknown': 'nenhuma tarefa lê um param {name} de dag_run.conf',
  'adopt.paramDefault': 'o param {name} recebe o padrão {value} (--param-default): uma execução sem ele no conf usa esse valor',
  'adopt.triggered':
    'schedule {schedule} retirado (--triggered): os params {names} não têm padrão, e uma execução agendada recebe um conf vazio; dispare as execuções com um conf',
  'adopt.requiredParams.one':
    'a DAG antiga roda num schedule, mas {names} é um param sem padrão (dag_run.conf["X"]): uma execução agendada recebe um conf vazio, então ela falha, e o Airflow recusa uma DAG agendada com params obrigatórios',
  'adopt.requiredParams.many':
    'a DAG antiga roda num schedule, mas {names} são params sem padrão (dag_run.conf["X"]): uma execução agendada recebe um conf vazio, então ela falha, e o Airflow recusa uma DAG agendada com params obrigatórios',
  'adopt.requiredParams.try':
    '{defaults} (um padrão para as execuções agendadas), ou --triggered (a DAG só roda quando disparada com um conf)',
  'adopt.cycle': 'as dependências formam um ciclo: {cycle}',
  'adopt.pruned': 'removido: {item}',
  'adopt.prunable': '{item} (o --prune remove)',
  'adopt.migrated': 'migrado: {where}: {text}',
  'adopt.superseded':
    '{old} foi substituído por dags/{dagId}.py: tire-o da pasta de DAGs do Airflow (duas DAGs com o id {dagId} entram em conflito). O adopt não mexeu nele.',
  'adopt.keepsTaskId': 'a tarefa {taskId} mantém o id e executa {folder}/{name}.py',
  'adopt.helpers': 'não são tarefas (scripts auxiliares ou sem uso, copiados para a imagem mesmo assim): {files}',
  'adopt.runScriptExtra':
    'o seu run_in_docker.sh faz um trabalho a mais que o gerado não faz; leve isso para os scripts (ou para uma etapa de inicialização) antes de substituí-lo:\n{lines}',
  'adopt.dagInPlace':
    'a nova DAG vai para {path}, onde está a antiga, e o adopt nunca altera a DAG antiga; tire o arquivo antigo de dags/ (ele foi substituído) e passe-o com --dag, ou escolha outro --dag-id',
  'adopt.dagNotFound': 'o arquivo não existe',
  'adopt.podsDirMissing': 'essa pasta não existe no projeto',
  'adopt.severalDags': 'há vários arquivos de DAG; indique qual adotar com --dag ARQUIVO',
  'adopt.adopted': 'Adotado: {count} pods em {dag} e .yo-rc.json.',
  'adopt.report': 'Relatório da migração:',
};
